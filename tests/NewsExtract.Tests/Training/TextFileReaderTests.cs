using System.Text;
using NewsExtract.Training;

namespace NewsExtract.Tests.Training;

public sealed class TextFileReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsextract-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadAllText_Folder_SaysItIsAFolder()
    {
        CliException ex = Assert.Throws<CliException>(() => TextFileReader.ReadAllText(_dir));
        Assert.Equal($"{_dir}: is a folder, expected a file", ex.Message);
    }

    [Fact]
    public void ReadAllText_PathThroughAFile_SaysNotFound()
    {
        string file = Path.Combine(_dir, "plain.txt");
        File.WriteAllText(file, "text");
        CliException ex = Assert.Throws<CliException>(() => TextFileReader.ReadAllText(Path.Combine(file, "inner.txt")));
        Assert.EndsWith("file not found", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { }, "file is empty")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "file is empty")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, "binary file (contains NUL bytes), expected UTF-8 text")]
    [InlineData(new byte[] { 0xC3 }, "not valid UTF-8 text")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "not valid UTF-8 text")]
    public void Decode_BadBytes_ThrowsClearMessage(byte[] bytes, string message)
    {
        CliException ex = Assert.Throws<CliException>(() => TextFileReader.Decode(bytes, "x.txt"));
        Assert.Equal("x.txt: " + message, ex.Message);
    }

    [Fact]
    public void Decode_Utf8WithBom_DropsTheBom()
        => Assert.Equal("Caf\u00E9", TextFileReader.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Caf\u00E9")], "x.txt"));
}
