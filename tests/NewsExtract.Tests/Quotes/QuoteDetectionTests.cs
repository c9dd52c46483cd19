using System.Buffers.Binary;
using NewsExtract.Quotes;
using NewsExtract.Training.Quotes;

namespace NewsExtract.Tests.Quotes;

/// <summary>
/// The trained quote detector (loose reported-speech candidates, the keep/drop decision) and the speaker
/// confidence calibration stored with the model, on sentences written for these tests.
/// </summary>
public class QuoteDetectionTests
{
    // "reported a …" without "that" reads as a noun object (LooseReason.NounObject): the strict rules reject this
    // sentence, the loose pass keeps it as a candidate.
    private const string LooseText = "The council met on Monday.\n\nMayor Ann Kerr reported a sharp drop in the number of bridge closures last year.";

    private static readonly uint[] s_indirectBias = [SpeakerFeatures.Hash("d.bias", 1, (int)QuoteKind.Indirect, 0, 0)];

    [Fact]
    public void LooseCandidate_ExistsOnlyForTheDetector()
    {
        ArticleAnalyzer rules = ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), null);
        Assert.DoesNotContain(rules.Analyze(LooseText, TestContext.Current.CancellationToken).Quotes, q => q.Text.Contains("bridge", StringComparison.Ordinal));

        ArticleAnalyzer training = ArticleAnalyzer.CreateForQuoteTraining(new ArticleAnalyzerOptions());
        Quote quote = Assert.Single(training.Analyze(LooseText, TestContext.Current.CancellationToken).Quotes);
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.StartsWith("a sharp drop", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Detector_KeepsOrDropsByItsLogit()
    {
        SpeakerRankingModel ranker = SpeakerRankingModel.Default!;
        var keep = new SpeakerRankingModel(ranker.RankingWeights, new Dictionary<uint, float> { [s_indirectBias[0]] = 5f });
        var drop = new SpeakerRankingModel(ranker.RankingWeights, new Dictionary<uint, float> { [s_indirectBias[0]] = -5f });
        const string strict = "Talks ended.\n\nPeter Hale said the company will appeal the ruling next week.";

        IReadOnlyList<Quote> kept = ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), keep).Analyze(LooseText, TestContext.Current.CancellationToken).Quotes;
        Assert.Contains(kept, q => q.Kind == QuoteKind.Indirect && q.Text.Contains("bridge", StringComparison.Ordinal));
        Assert.Empty(ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), drop).Analyze(strict, TestContext.Current.CancellationToken).Quotes);
        Assert.Single(ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), keep).Analyze(strict, TestContext.Current.CancellationToken).Quotes);
    }

    [Fact]
    public void Model_WithDetectorAndCalibration_RoundTrips_AndReadsVersion1()
    {
        var model = new SpeakerRankingModel(new Dictionary<uint, float> { [7] = 1.5f }, new Dictionary<uint, float> { [4] = -2f, [8] = 0.5f },
            [(0.3f, 0.2f), (0.6f, 0.7f), (0.9f, 0.95f)]);
        byte[] bytes = model.ToBytes();
        SpeakerRankingModel again = SpeakerRankingModel.FromBytes(bytes);
        Assert.Equal(bytes, again.ToBytes());
        Assert.True(again.HasDetection);
        Assert.Equal(-1.5f, again.Detect([4, 8, 99]));
        Assert.Equal(0.2, again.Calibrate(0.1), 5);
        Assert.Equal(0.45, again.Calibrate(0.45), 5);
        Assert.Equal(0.95, again.Calibrate(0.99), 5);

        // A version 1 file: the ranker's table only; no detector, the raw probability is the confidence.
        var v1 = new byte[20];
        "NXSR"u8.CopyTo(v1);
        BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(4), 1);
        BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(v1.AsSpan(12), 7);
        BinaryPrimitives.WriteSingleLittleEndian(v1.AsSpan(16), 1.5f);
        SpeakerRankingModel old = SpeakerRankingModel.FromBytes(v1);
        Assert.False(old.HasDetection);
        Assert.Equal(1.5f, old.Score([7]));
        Assert.Equal(0.42, old.Calibrate(0.42), 5);

        Assert.Throws<ArgumentException>(() => new SpeakerRankingModel(new Dictionary<uint, float>(), null, [(0.5f, 0.8f), (0.6f, 0.4f)]));
        Assert.Throws<InvalidDataException>(() => SpeakerRankingModel.FromBytes(bytes.AsSpan(0, bytes.Length - 4)));
    }

    [Fact]
    public void Isotonic_PoolsViolators_IntoAnAscendingMap()
    {
        var pairs = new List<(double X, double Y)> { (0.9, 1), (0.2, 1), (0.3, 0), (0.5, 0), (0.6, 1), (0.8, 1) };
        (float Raw, float Calibrated)[] map = SpeakerRankerTrainer.Isotonic(pairs);

        // (0.2,1) (0.3,0) (0.5,0) pool into one block: accuracy 1/3, raised to its add-one-smoothed 2/5.
        Assert.Equal(0.4f, map[0].Calibrated, 5);
        Assert.Equal(0.3333333f, map[0].Raw, 5);
        for (int i = 1; i < map.Length; i++)
        {
            Assert.True(map[i].Raw > map[i - 1].Raw && map[i].Calibrated >= map[i - 1].Calibrated);
        }

        // The top block (three right of three) is bounded by its add-one-smoothed accuracy, 4/5: never a certainty.
        Assert.Equal(0.8f, map[^1].Calibrated, 5);
    }

    [Fact]
    public void ShippedModel_HasADetectorAndACalibration()
    {
        SpeakerRankingModel model = SpeakerRankingModel.Default!;
        Assert.True(model.HasDetection);
        Assert.NotEmpty(model.CalibrationPoints);
    }
}
