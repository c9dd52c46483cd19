using System.Reflection;

namespace NewsExtract.Internal;

/// <summary>Reads embedded text resources of this assembly.</summary>
internal static class ResourceText
{
    public static string Read(string logicalName)
    {
        using Stream stream = Open(logicalName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Stream Open(string logicalName)
        => typeof(ResourceText).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{logicalName}' is missing from {typeof(ResourceText).Assembly.GetName().Name}; the package is damaged or was built incorrectly.");
}
