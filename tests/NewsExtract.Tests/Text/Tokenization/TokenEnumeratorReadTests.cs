using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Text.Tokenization;

/// <summary>
/// <see cref="TokenEnumerator.Read"/>, the bulk form <see cref="TextTokenizer.Tokenize(string)"/> uses, must give
/// exactly the tokens of a <see langword="foreach"/> over the enumerator, whatever the buffer size.
/// </summary>
public sealed class TokenEnumeratorReadTests
{
    private const string Mixed =
        "The minister didn't comment. Dr. Smith left at 5 p.m. on Jan. 3, 2024, e.g. after 10,000 votes.\n\n"
        + "\"Don't,\" said J. R. Smith (U.S.) at 10:30 \u2014 see www.example.com, a@b.org :) #tag @x \uD83D\uDE00 "
        + "A well-known non-profit. etc. The end... Really?! Co. Ltd. announced. x. hello.\nworld.\r\n"
        + "Caf\u00E9 na\u00EFve r\u00F4le. abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop. "
        + "Mr. Brown, Mrs. Green and Sen. White.Then";

    private static List<Token> Foreach(string text)
    {
        var tokens = new List<Token>();
        foreach (Token token in TextTokenizer.EnumerateTokens(text))
        {
            tokens.Add(token);
        }

        return tokens;
    }

    private static List<Token> Read(string text, int bufferSize)
    {
        var tokens = new List<Token>();
        var enumerator = new TokenEnumerator(text);
        var buffer = new Token[bufferSize];
        int read;
        while ((read = enumerator.Read(buffer)) > 0)
        {
            Assert.InRange(read, 1, bufferSize);
            tokens.AddRange(buffer.AsSpan(0, read));
        }

        return tokens;
    }

    public static TheoryData<string> Texts()
    {
        var texts = new TheoryData<string> { Mixed, ArticleAnalyzer.GetSampleArticle(), "", " ", "word", "end.", "a, b. c" };

        // Runs of words across the 64-character blocks of the word bitmap.
        texts.Add(string.Concat(Enumerable.Repeat("abc defgh ijklmnop. Qrs, tu vwx yz0 123. ", 20)));
        return texts;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Read_AnyBufferSize_SameTokensAsForeach(string text)
    {
        List<Token> expected = Foreach(text);
        foreach (int size in new[] { 1, 2, 3, 7, 64, 1000 })
        {
            Assert.Equal(expected, Read(text, size));
        }

        Assert.Equal(expected, TextTokenizer.Tokenize(text));
        Assert.Equal(expected.Count, TextTokenizer.CountTokens(text));
    }

    [Theory]
    [InlineData("He left. She stayed.", "He|left|.|She|stayed|.")]
    [InlineData("They met the Dr. on Monday.", "They|met|the|Dr.|on|Monday|.")]
    [InlineData("Apples, pears etc. were sold.", "Apples|,|pears|etc.|were|sold|.")]
    [InlineData("It is a telecommunications.\nNext", "It|is|a|telecommunications|.|Next")]
    [InlineData("See www.\nhttp.", "See|www|.|http|.")]
    public void Tokenize_WordBeforeFullStop_AbbreviationsKeepTheirPeriod(string text, string expected)
        => Assert.Equal(expected, string.Join('|', Array.ConvertAll(TextTokenizer.Tokenize(text), t => text[t.Start..t.End])));
}
