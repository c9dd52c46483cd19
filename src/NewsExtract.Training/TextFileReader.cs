using System.Text;

namespace NewsExtract.Training;

/// <summary>Reads user-supplied text files strictly: UTF-8 only, no binary content, clear one-line errors.</summary>
public static class TextFileReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole file as UTF-8 text.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="allowEmpty">Whether an empty file is acceptable.</param>
    /// <returns>The text, without a byte-order mark.</returns>
    /// <exception cref="CliException">The file is missing, unreadable, binary, not UTF-8 or (unless allowed) empty.</exception>
    public static string ReadAllText(string path, bool allowEmpty = false)
        => Decode(ReadAllBytes(path), path, allowEmpty);

    /// <summary>Reads a whole file as bytes (a model file), with the same messages as <see cref="ReadAllText"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="CliException">The file is missing, a folder or unreadable.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliException($"{path}: file not found");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliException($"{path}: file not found");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            // Reading a folder as a file reports "access denied" on Unix, which would mislead.
            throw new CliException($"{path}: is a folder, expected a file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"{path}: permission denied");
        }
        catch (IOException ex)
        {
            throw new CliException($"{path}: cannot read: {ex.Message}");
        }
    }

    /// <summary>Decodes bytes as strict UTF-8 text.</summary>
    /// <param name="bytes">The raw bytes.</param>
    /// <param name="name">The name used in error messages.</param>
    /// <param name="allowEmpty">Whether empty input is acceptable.</param>
    /// <returns>The text, without a byte-order mark.</returns>
    /// <exception cref="CliException">The bytes are binary, not UTF-8 or (unless allowed) empty.</exception>
    public static string Decode(byte[] bytes, string name, bool allowEmpty = false)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        if (span.IsEmpty && !allowEmpty)
        {
            throw new CliException($"{name}: file is empty");
        }

        if (span.Contains((byte)0))
        {
            throw new CliException($"{name}: binary file (contains NUL bytes), expected UTF-8 text");
        }

        try
        {
            return s_strictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw new CliException($"{name}: not valid UTF-8 text");
        }
    }
}
