using NewsExtract.Entities;
using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Entities;

/// <summary>
/// Names with hyphens, particles, initials and apostrophes are one mention. The names and sentences
/// are made up for this project (none is taken from a data set).
/// </summary>
public class NamesKeptWholeTests
{
    private static AnalysisDocument Document(string text)
    {
        var document = new AnalysisDocument(text);
        document.SetLayout(new ArticleStructureParser().Parse(text));
        document.SetTokens(TextTokenizer.Tokenize(text));
        document.SetSentences(new SentenceSplitter().Split(text, document.Tokens, document.Layout));
        return document;
    }

    [Fact]
    public void BuildInput_HyphenatedWord_IsOneTaggerTokenMappedBackToItsParts()
    {
        const string Text = "Talks\n\nPak Min-jun met the Velasco-Ruiz family - twice.\n";
        AnalysisDocument document = Document(Text);

        NerInput input = EntityRecognizer.BuildInput(document.Text, document.Layout, document.Tokens, document.Sentences);

        var words = new List<string>();
        for (int i = 0; i < input.Tokens.Length; i++)
        {
            words.Add(input.TokenText(i).ToString());
        }

        Assert.Contains("Min-jun", words);
        Assert.Contains("Velasco-Ruiz", words);
        Assert.Contains("-", words); // the spaced dash stays a token of its own
        Assert.NotNull(input.SourceFirst);
        int[] map = input.SourceFirst!;
        Assert.Equal(document.Tokens.Length, map[^1]);
        for (int i = 0; i < input.Tokens.Length; i++)
        {
            Assert.Equal(document.Tokens[map[i]].Start, input.Tokens[i].Start);
            Assert.Equal(document.Tokens[map[i + 1] - 1].End, input.Tokens[i].End);
        }
    }

    [Fact]
    public void BuildInput_NoHyphenatedWord_UsesTheDocumentTokens()
    {
        AnalysisDocument document = Document("Talks\n\nAnna Kowalski met officials in Lisbon.\n");

        NerInput input = EntityRecognizer.BuildInput(document.Text, document.Layout, document.Tokens, document.Sentences);

        Assert.Null(input.SourceFirst);
        Assert.Same(document.Tokens, input.Tokens);
    }

    [Fact]
    public void Recognize_HyphenatedWords_NoMentionBoundaryInsideAWord()
    {
        const string Text = "Cup round-up\n\nPak Min-jun scored twice for Osterby on Sunday, and Teodora Velasco-Ruiz, " +
            "the coach, praised Hwang Do-yeon. The Osterby-based club and a Brenmark-led group of fans " +
            "travelled with Jae-sung Lim to see Anneke Dorsey-Vance.\n";
        AnalysisDocument document = Document(Text);

        MentionInfo[] mentions = new EntityRecognizer().Recognize(document.Text, document.Layout, document.Tokens, document.Sentences);

        Assert.NotEmpty(mentions);
        foreach (MentionInfo m in mentions)
        {
            string text = Text[m.Start..m.End];
            Assert.False(m.Start > 0 && Text[m.Start - 1] == '-' && char.IsLetter(Text[m.Start - 2]), $"'{text}' starts inside a word");
            Assert.False(m.End < Text.Length && Text[m.End] == '-' && char.IsLetter(Text[m.End + 1]), $"'{text}' ends inside a word");
        }
    }

    [Theory]
    [InlineData("Pak Min-jun")]
    [InlineData("Teodora Velasco-Ruiz")]
    [InlineData("Liam O'Dwyer")]
    [InlineData("Anneke van der Berg")]
    [InlineData("Khalid bin Rashed")]
    [InlineData("Omar al-Nasser")]
    [InlineData("J. K. Fenwick")]
    [InlineData("Marie-Claire Dubois")]
    public void Analyze_NameInAPlainSentence_IsOnePersonMention(string name)
    {
        string text = $"Council vote\n\nOn Tuesday {name} told reporters that the council would vote on the plan next week.\n";

        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);

        Assert.Contains(analysis.Mentions, m => m.Text == name && m.Type == EntityType.Person);
    }
}
