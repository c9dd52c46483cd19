using CsCheck;
using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Text.Tokenization;

public sealed class TokenizerPropertyTests
{
    /// <summary>Random text built from tricky fragments, arbitrary UTF-16 code units (lone surrogates included) and letters.</summary>
    private static readonly Gen<string> s_text = Gen.Frequency(
            (5, Gen.OneOfConst(
                "don't", "Russia\u2019s", " ", " ", "\n", "\n\n", "U.S.", "Dr.", "J.", "e.g.", "\"", "'", "\u2019", "\u2018",
                "\u201C", "\u201D", "\u00AB", "\u00BB", "...", "\u2026", "-", "--", "\u2014", "e-mail", "well-known",
                "http://x.com/a).", "www.a.org", "a@b.co", "@x", "#y", ":)", ":-(", "3.5", "10,000", "10:30", "$", "%",
                "\uD83D\uDE00", "\u200D", "\uFE0F", "\uD83C\uDDFA", "\uD83D", "\uDE00", "\0", "\u0001", "\u00AD", "\u0301",
                "n't", "'s", ".", "!", "?", "(", ")", "Mr", "The", "he")),
            (3, Gen.Char.Select(c => c.ToString())),
            (3, Gen.Char['a', 'z'].Array[1, 8].Select(cs => new string(cs))),
            (1, Gen.Char['A', 'Z'].Select(c => c.ToString())))
        .Array[0, 60]
        .Select(parts => string.Concat(parts));

    [Fact]
    public void Tokenize_RandomText_CoversEveryNonWhiteSpaceCharOnceInOrder()
        => s_text.Sample(text => TokenizerInvariants.AssertCoversNonWhiteSpace(text, TextTokenizer.Tokenize(text)), iter: 3000);

    [Fact]
    public void Tokenize_RandomText_IsDeterministicAndMatchesEnumerator()
        => s_text.Sample(
            text =>
            {
                Token[] first = TextTokenizer.Tokenize(text);
                Assert.Equal(first, TextTokenizer.Tokenize(text));
                Assert.Equal(first.Length, TextTokenizer.CountTokens(text));
            },
            iter: 1000);

    [Fact]
    public void Split_RandomText_SentencesOrderedInsideParagraphs()
    {
        var splitter = new SentenceSplitter();
        var parser = new ArticleStructureParser();
        s_text.Sample(
            text =>
            {
                Token[] tokens = TextTokenizer.Tokenize(text);
                foreach (ArticleLayout layout in new[] { PlainTextLayout.Create(text), parser.Parse(text) })
                {
                    SentenceInfo[] sentences = splitter.Split(text, tokens, layout);
                    int position = 0;
                    int nextToken = 0;
                    foreach (SentenceInfo sentence in sentences)
                    {
                        Assert.True(sentence.Start >= position && sentence.End > sentence.Start && sentence.End <= text.Length);
                        Assert.True(sentence.FirstToken >= nextToken && sentence.TokenCount > 0);
                        Assert.Equal(tokens[sentence.FirstToken].Start, sentence.Start);
                        Assert.Equal(tokens[sentence.FirstToken + sentence.TokenCount - 1].End, sentence.End);
                        Paragraph paragraph = layout.Paragraphs[sentence.Paragraph];
                        Assert.True(sentence.Start >= paragraph.Start && sentence.End <= paragraph.End);
                        position = sentence.End;
                        nextToken = sentence.FirstToken + sentence.TokenCount;
                    }
                }
            },
            iter: 1000);
    }
}
