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

    [Theory]
    [InlineData("said farmer Zaid Hamdan", "Zaid Hamdan")]
    [InlineData("economist Lena Ortiz", "Lena Ortiz")]
    [InlineData("ex-minister Rosa Quellen", "Rosa Quellen")]
    [InlineData("the retired nurse Ida Brandvold", "Ida Brandvold")]
    [InlineData("farmer Anneke van der Berg", "Anneke van der Berg")]
    [InlineData("farmer van der Berg", "van der Berg")]
    [InlineData("cleric bin Rashed", "bin Rashed")]
    [InlineData("Omar al-Nasser", "Omar al-Nasser")]
    [InlineData("J. K. Fenwick", "J. K. Fenwick")]
    [InlineData("farmer", "farmer")]
    [InlineData("kari nordvik", "kari nordvik")]
    [InlineData("mayor tove lindahl", "mayor tove lindahl")]
    public void TrimLowercaseHead_RoleWordsDropped_ParticlesAndNamesKept(string span, string expected)
    {
        string text = $"Harvest\n\nOn Monday {span} spoke.\n";
        AnalysisDocument document = Document(text);
        NerInput input = EntityRecognizer.BuildInput(document.Text, document.Layout, document.Tokens, document.Sentences);
        int start = text.IndexOf(span, StringComparison.Ordinal);
        int first = -1;
        int count = 0;
        for (int i = 0; i < input.Tokens.Length; i++)
        {
            if (input.Tokens[i].Start >= start && input.Tokens[i].End <= start + span.Length)
            {
                first = first < 0 ? i : first;
                count++;
            }
        }

        NerMentionSpan trimmed = EntityRecognizer.TrimLowercaseHead(input, new NerMentionSpan(first, count, 1, 0.9f), EntityRecognizer.NameParticles);

        Token last = input.Tokens[trimmed.FirstToken + trimmed.TokenCount - 1];
        Assert.Equal(expected, text[input.Tokens[trimmed.FirstToken].Start..last.End]);
    }

    [Theory]
    [InlineData("said farmer Zaid Hamdan", "Zaid Hamdan")]
    [InlineData("said economist Lena Ortiz", "Lena Ortiz")]
    [InlineData("said shepherd Anneke van der Berg", "Anneke van der Berg")]
    [InlineData("said fisherman Liam O'Dwyer", "Liam O'Dwyer")]
    [InlineData("said midwife Marie-Claire Dubois", "Marie-Claire Dubois")]
    [InlineData("said farmer Ali Sadiq", "Ali Sadiq")] // the tagger's span took in "farmer" for these three
    [InlineData("said farmer Ahmed Sadek", "Ahmed Sadek")]
    [InlineData("said farmer Ahmed Rashid", "Ahmed Rashid")]
    public void Analyze_RoleWordBeforeTheName_PersonMentionStartsAtTheName(string phrase, string name)
    {
        string text = "Hope for rain\n\nFarmers in the valley say the dry spring has already cost them half of their first harvest.\n\n" +
            $"\u201CIf it does not rain in the next two weeks,\u201D {phrase}, \u201Cwe will lose the second harvest too.\u201D\n";

        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);

        Assert.Contains(analysis.Mentions, m => m.Text == name && m.Type == EntityType.Person);
        Assert.DoesNotContain(analysis.Mentions, m => m.Type == EntityType.Person && char.IsLower(m.Text[0]));
    }
}
