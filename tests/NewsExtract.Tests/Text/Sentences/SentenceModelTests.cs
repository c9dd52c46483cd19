using NewsExtract.Text.Sentences;

namespace NewsExtract.Tests.Text.Sentences;

public sealed class SentenceModelTests
{
    private static SentenceModel Small()
    {
        double[] weights = new double[1 << 10];
        weights[3] = 2.5;
        weights[700] = -1.25;
        weights[1023] = 0.5;
        return SentenceModel.FromWeights(10, weights);
    }

    private static byte[] Bytes(SentenceModel model)
    {
        using var buffer = new MemoryStream();
        model.Write(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsEveryWeight()
    {
        SentenceModel model = Small();
        SentenceModel read = SentenceModel.Read(Bytes(model));
        Assert.Equal(model.Bits, read.Bits);
        Assert.Equal(model.Scale, read.Scale);
        Assert.Equal(model.Quantized, read.Quantized);
        Assert.Equal(short.MaxValue, read.Quantized[3]);
        Assert.True(read.Quantized[700] < 0);
    }

    [Fact]
    public void Read_FlippedByte_ThrowsInvalidData()
    {
        byte[] bytes = Bytes(Small());
        bytes[bytes.Length / 2] ^= 0x10;
        Assert.Throws<InvalidDataException>(() => SentenceModel.Read(bytes));
    }

    [Fact]
    public void Read_NotAModel_ThrowsInvalidData()
        => Assert.Throws<InvalidDataException>(() => SentenceModel.Read("NXNERMDL and more bytes here, long enough"u8));

    [Fact]
    public void Default_IsLoadedOnceAndShared()
    {
        Assert.Same(SentenceModel.Default, SentenceModel.Default);
        Assert.Contains(SentenceModel.Default.Quantized, w => w != 0);
    }

    [Fact]
    public void Score_SumsTheWeightsOfTheFeatures()
    {
        SentenceModel model = Small();
        ulong feature3 = 3UL << (64 - 10);
        ulong feature700 = 700UL << (64 - 10);
        Assert.True(model.Score([feature3]) > 0);
        Assert.True(model.Score([feature700]) < 0);
        Assert.Equal(model.Score([feature3]) + model.Score([feature700]), model.Score([feature3, feature700]), 3);
    }
}
