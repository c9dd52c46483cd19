using NewsExtract.Entities;

namespace NewsExtract.Tests.Entities;

public class NerModelFormatTests
{
    [Fact]
    public void WriteRead_EmbeddedModel_RoundTripsBitForBit()
    {
        byte[] first = Serialize(NerModel.Default);
        NerModel copy = NerModel.Read(new MemoryStream(first), "copy");
        byte[] second = Serialize(copy);

        Assert.Equal(first, second);
        Assert.Equal(NerModel.Default.Classes, copy.Classes);
        Assert.Equal(NerModel.Default.Passes.Length, copy.Passes.Length);
    }

    [Fact]
    public void Read_DamagedPayload_ThrowsNamingFormatVersion()
    {
        byte[] bytes = Serialize(NerModel.Default);
        bytes[bytes.Length / 2] ^= 0x5A;

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(new MemoryStream(bytes), "damaged.bin"));
        Assert.Contains("damaged.bin", ex.Message, StringComparison.Ordinal);
        Assert.Contains("format version 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Truncated_ThrowsInvalidData()
    {
        byte[] bytes = Serialize(NerModel.Default);
        Assert.Throws<InvalidDataException>(() => NerModel.Read(new MemoryStream(bytes[..(bytes.Length - 100)]), "short.bin"));
    }

    [Fact]
    public void Read_OtherFormatVersion_ThrowsNamingBothVersions()
    {
        byte[] bytes = Serialize(NerModel.Default);
        BitConverter.GetBytes(7).CopyTo(bytes, 8);

        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(new MemoryStream(bytes), "future.bin"));
        Assert.Contains("format version 7", ex.Message, StringComparison.Ordinal);
        Assert.Contains("format version 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 })]
    public void Read_NotAModel_ThrowsInvalidData(byte[] bytes)
    {
        InvalidDataException ex = Assert.Throws<InvalidDataException>(() => NerModel.Read(new MemoryStream(bytes), "junk.bin"));
        Assert.Contains("junk.bin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CorruptModelPath_ThrowsNamingFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"newsextract-corrupt-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, "NXNERMDL\u0001\0\0\0garbage"u8.ToArray());
        try
        {
            var options = new ArticleAnalyzerOptions { EntityModelPath = path };
            InvalidDataException ex = Assert.Throws<InvalidDataException>(() => ArticleAnalyzer.Create(options));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("format version", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_ModelPath_LoadsThatModel()
    {
        string path = Path.Combine(Path.GetTempPath(), $"newsextract-model-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, Serialize(NerModel.Default));
        try
        {
            ArticleAnalyzer analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { EntityModelPath = path });
            string text = ArticleAnalyzer.GetSampleArticle();
            string expected = ArticleAnalysisJson.Serialize(ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken));
            Assert.Equal(expected, ArticleAnalysisJson.Serialize(analyzer.Analyze(text, TestContext.Current.CancellationToken)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Serialize(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }
}
