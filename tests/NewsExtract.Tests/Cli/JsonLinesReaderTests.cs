using System.Text;
using NewsExtract.Cli.Commands;
using NewsExtract.Cli.JsonLines;

namespace NewsExtract.Tests.Cli;

/// <summary>The bounded line reader and the size option behind <c>analyze --input jsonl</c>.</summary>
public sealed class JsonLinesReaderTests
{
    /// <summary>Hands out at most <c>chunk</c> bytes per read, so lines straddle every buffer boundary.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    private static async Task<List<string>> ReadAll(string input, int maxLineBytes, int chunk)
    {
        using var reader = new Utf8LineReader(new TrickleStream(Encoding.UTF8.GetBytes(input), chunk), maxLineBytes);
        var lines = new List<string>();
        while (true)
        {
            LineStatus status = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
            if (status == LineStatus.End)
            {
                return lines;
            }

            lines.Add($"{reader.LineNumber}:" + (status == LineStatus.TooLong ? "<too long>" : Encoding.UTF8.GetString(reader.Line.Span)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100_000)]
    public async Task Lines_AnyChunking_SameLinesAndNumbers(int chunk)
    {
        List<string> lines = await ReadAll("ab\n\ncdé\r\nlast-without-newline", 1000, chunk);
        Assert.Equal(["1:ab", "2:", "3:cdé\r", "4:last-without-newline"], lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000_000)]
    public async Task LongLines_ReportedTooLongAndTheNextLineIsIntact(int chunk)
    {
        string longLine = new('x', 300_000);
        List<string> lines = await ReadAll($"ok\n{longLine}\nafter\n{longLine}", 100_000, chunk);
        Assert.Equal(["1:ok", "2:<too long>", "3:after", "4:<too long>"], lines);
    }

    [Fact]
    public async Task LineOfExactlyTheLimit_IsALine()
    {
        string line = new('y', 70_000);
        List<string> lines = await ReadAll(line + "\n" + line + "z\n", 70_000, 4096);
        Assert.Equal(["1:" + line, "2:<too long>"], lines);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("2k", 2048)]
    [InlineData("10M", 10 * 1024 * 1024)]
    [InlineData("512m", 512 * 1024 * 1024)]
    public void Size_Parses(string value, int bytes)
    {
        Assert.True(JsonLinesCommand.TryParseSize(value, out int parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("513m")]
    [InlineData("1g")]
    [InlineData("k")]
    [InlineData("99999999999999999999")]
    public void Size_Rejects(string value) => Assert.False(JsonLinesCommand.TryParseSize(value, out _));
}
