using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Text.Sentences;

/// <summary>
/// The splitter's run-time path (the gate weights summed as its features are computed, the full features in a
/// fixed buffer, the token hashes in one pass) must take the decisions of the buffered path the trainer uses,
/// on which the model was chosen.
/// </summary>
public sealed class SentenceSplitterPathTests
{
    /// <summary>The shipped model through the buffered interface: the gate's indices and the full features in spans.</summary>
    private readonly struct BufferedDecider(SentenceModel model) : ISentenceBoundaryDecider
    {
        public bool UsesGate => model.HasGate;

        public bool NeedsFullFeatures(Token[] tokens, int index, ReadOnlySpan<int> gate, out bool split) => model.NeedsFullScore(gate, out split);

        public bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features) => model.ScoreUnits(features) > 0;
    }

    public static TheoryData<string> Texts()
    {
        var texts = new TheoryData<string>
        {
            ArticleAnalyzer.GetSampleArticle(),
            "\u201CWe won,\u201D she said (twice). Dr. Smith left at 5 p.m. Then: nothing\u2026 ok. WHAT?! yes\n- one\n- two\n\nThanks,\nSean",
            "the u.s. army said. i think so. Mr. Brown met Sen. White in Washington, June 18 -- Congress starts.",
        };
        foreach (string file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Golden"), "*.txt").Order(StringComparer.Ordinal))
        {
            texts.Add(File.ReadAllText(file));
        }

        return texts;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Split_RunTimePath_SameSentencesAsBufferedPath(string text)
    {
        Token[] tokens = TextTokenizer.Tokenize(text);
        ArticleLayout layout = PlainTextLayout.Create(text);
        var decider = new BufferedDecider(SentenceModel.Default);
        SentenceInfo[] expected = SentenceSplitter.Split(text, tokens, layout, ref decider);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, new SentenceSplitter().Split(text, tokens, layout));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void LowerAndShape_EveryToken_SameAsLowerAndShapeApart(string text)
    {
        // Long words and runs: the form hash stops at 20 characters and the shape at 8 written characters.
        text += " Abcdefghijklmnopqrstuvwxyz aaaaaaaaaaaaa AAAbbbCCC123456 \u00C9cole \u201Cx\u201D 3\u20134 a`b \u0660\u0661";
        foreach (Token token in TextTokenizer.Tokenize(text))
        {
            SentenceFeatures.LowerAndShape(text, token, out ulong lower, out ulong shape);
            Assert.Equal(SentenceFeatures.Lower(text, token), lower);
            Assert.Equal(SentenceFeatures.Shape(text, token), shape);
        }
    }
}
