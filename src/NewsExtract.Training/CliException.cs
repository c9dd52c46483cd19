namespace NewsExtract.Training;

/// <summary>
/// A failure caused by the user's input (a missing, unreadable or malformed file). The CLI prints
/// its one-line message and exits with code 1.
/// </summary>
public sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException()
    {
    }
}
