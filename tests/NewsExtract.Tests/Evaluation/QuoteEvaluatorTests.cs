using NewsExtract.Tests.Infrastructure;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Quotes;

namespace NewsExtract.Tests.Evaluation;

public class QuoteEvaluatorTests
{
    [Theory]
    [InlineData("Mikael Backlund", "Backlund", true)]
    [InlineData("Sergei Riabkov", "sergei riabkov", true)]
    [InlineData("Sergei Riabkov", "Dmitri Peskov", false)]
    [InlineData("Sergei Riabkov", null, false)]
    [InlineData(null, null, true)]
    public void NamesMatch_LastWordCaseInsensitive(string? gold, string? predicted, bool expected)
        => Assert.Equal(expected, QuoteEvaluator.NamesMatch(gold, predicted));

    [Theory]
    [InlineData("Nora Vale, a professor of law at Westbrook University", "Nora Vale", "Vale", true)]
    [InlineData("Rep. Omar Lind (D-Ore.)", "Omar Lind", "Rep. Omar Lind", true)]
    [InlineData("Lind, who wrote the bill,", "Omar Lind", "Lind", true)]
    [InlineData("the official", "Omar Lind", "the official", true)]
    [InlineData("Nora Vale, a professor of law at Westbrook University", "Omar Lind", "he", false)]
    [InlineData("a strategist for one of the candidates", "Omar Lind", "Lind", false)]
    [InlineData("Ms. Vale of the Harbor Trust", "Nora Vale", "Ms. Vale", false)]
    public void MentionMatches_LastWordOfTheMentionOrOfItsHead(string gold, string name, string words, bool expected)
        => Assert.Equal(expected, QuoteEvaluator.MentionMatches(gold, new Speaker { Name = name, Mention = new SpeakerMention { Start = 0, End = words.Length, Text = words } }));

    [Fact]
    public void Evaluate_HalfOverlapAndSpeakers_CountsAsSpecified()
    {
        // Gold: one direct quote (Backlund) and one reported clause (Ford) that nothing predicts exactly.
        const string text = "\u201CWe played well,\u201D Mikael Backlund said. Nothing else happened here today at all.";
        int other = text.IndexOf("Nothing", StringComparison.Ordinal);
        var gold = new QuoteArticle("a", text, [
            new QuoteGold(1, 16, "Direct", "Mikael Backlund"),
            new QuoteGold(other, text.Length - 1, "Indirect", "Doug Ford"),
        ]);
        QuoteEvaluationResult result = QuoteEvaluator.Evaluate([gold], ArticleAnalyzer.CreateDefault(), TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Total.Gold);
        Assert.Equal(1, result.Total.MatchedGold);
        Assert.Equal(1, result.Total.SpeakerRight);
        Assert.Equal(100.0, result.SpeakerAccuracy);
        Assert.Equal(50.0, result.Total.Recall);
        Assert.Contains(result.Errors, e => e.StartsWith("MISS", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MalformedLine_ThrowsCliExceptionWithLineNumber()
    {
        string path = Path.Combine(Path.GetTempPath(), "newsextract-quotes-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllText(path, "{\"text\":\"a\",\"quotes\":[]}\n{not json\n");
        try
        {
            CliException ex = Assert.Throws<CliException>(() => QuoteEvaluator.Load(path));
            Assert.Contains(":2:", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
