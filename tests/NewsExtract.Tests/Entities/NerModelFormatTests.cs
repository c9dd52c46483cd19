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
        Assert.Contains("format version 2", ex.Message, StringComparison.Ordinal);
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
        Assert.Contains("format version 2", ex.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Read_FormatVersion1WithoutCalibration_StillLoads()
    {
        NerModel model = NerModel.Default.WithCalibration([], []);
        byte[] v2 = Serialize(model);
        byte[] payload = Inflate(v2);

        // Version 1 is version 2 without the calibration count (an empty table) before the checksum.
        byte[] body = payload[..(payload.Length - 12)];
        using var v1 = new MemoryStream();
        v1.Write("NXNERMDL"u8);
        v1.Write(BitConverter.GetBytes(1));
        using (var deflate = new System.IO.Compression.DeflateStream(v1, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(body);
            deflate.Write(BitConverter.GetBytes(NerModel.Checksum(body)));
        }

        NerModel read = NerModel.Read(new MemoryStream(v1.ToArray()), "v1.bin");

        Assert.Equal(v2, Serialize(read));
        Assert.Empty(read.CalibrationRaw);
        Assert.Equal(0.42f, read.Calibrate(0.42f));
    }

    [Fact]
    public void Calibrate_Knots_InterpolatesAndClamps()
    {
        NerModel model = NerModel.Default.WithCalibration([0.2f, 0.6f, 1.0f], [0.3f, 0.5f, 0.9f]);

        Assert.Equal(0.3f, model.Calibrate(0.05f));
        Assert.Equal(0.4f, model.Calibrate(0.4f), 5);
        Assert.Equal(0.7f, model.Calibrate(0.8f), 5);
        Assert.Equal(0.9f, model.Calibrate(1.0f));
        NerModel copy = NerModel.Read(new MemoryStream(Serialize(model)), "calibrated.bin");
        Assert.Equal(model.CalibrationRaw, copy.CalibrationRaw);
        Assert.Equal(model.CalibrationValue, copy.CalibrationValue);
    }

    [Fact]
    public void Create_CalibrationNotMonotoneInRaw_Throws()
        => Assert.Throws<InvalidDataException>(() => NerModel.Default.WithCalibration([0.5f, 0.4f], [0.3f, 0.5f]));

    private static byte[] Inflate(byte[] file)
    {
        using var deflate = new System.IO.Compression.DeflateStream(new MemoryStream(file, 12, file.Length - 12), System.IO.Compression.CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        deflate.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] Serialize(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }
}
