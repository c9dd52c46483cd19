using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Text.Tokenization;

public sealed class TextTokenizerTests
{
    /// <summary>Tokens of <paramref name="text"/> joined by '|' (kinds omitted).</summary>
    private static string Split(string text)
        => string.Join('|', Array.ConvertAll(TextTokenizer.Tokenize(text), t => text[t.Start..t.End]));

    private static TokenKind KindOf(string text, string token)
    {
        foreach (Token t in TextTokenizer.Tokenize(text))
        {
            if (text[t.Start..t.End] == token)
            {
                return t.Kind;
            }
        }

        Assert.Fail($"no token '{token}' in {Split(text)}");
        return default;
    }

    [Theory]
    [InlineData("The minister didn't comment.", "The|minister|did|n't|comment|.")]
    [InlineData("We can't and won't.", "We|ca|n't|and|wo|n't|.")]
    [InlineData("DON'T PANIC", "DO|N'T|PANIC")]
    [InlineData("Officials say they're sure it\u2019s over.", "Officials|say|they|'re|sure|it|\u2019s|over|.")]
    [InlineData("Russia\u2019s foreign ministry", "Russia|\u2019s|foreign|ministry")]
    [InlineData("I'm told we'll see, I'd say, what they've done.", "I|'m|told|we|'ll|see|,|I|'d|say|,|what|they|'ve|done|.")]
    public void Tokenize_CliticsAndNegations_SplitAsPennTreebank(string text, string expected)
        => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Sean O'Brien met the players' union.", "Sean|O'Brien|met|the|players|'|union|.")]
    [InlineData("rock'n'roll", "rock'n'roll")]
    public void Tokenize_InnerAndPossessiveApostrophes_NotQuotes(string text, string expected)
    {
        Assert.Equal(expected, Split(text));
        foreach (Token token in TextTokenizer.Tokenize(text))
        {
            Assert.NotEqual(TokenKind.OpeningQuote, token.Kind);
            Assert.NotEqual(TokenKind.ClosingQuote, token.Kind);
        }
    }

    [Theory]
    [InlineData("Dr. Smith of the U.S. Army arrived on Jan. 5 with Gov. Brown.", "Dr.|Smith|of|the|U.S.|Army|arrived|on|Jan.|5|with|Gov.|Brown|.")]
    [InlineData("Acme Inc. and Foo Corp. merged, e.g. last year at 9 a.m. sharp.", "Acme|Inc.|and|Foo|Corp.|merged|,|e.g.|last|year|at|9|a.m.|sharp|.")]
    [InlineData("He left the room.", "He|left|the|room|.")]
    public void Tokenize_Abbreviations_KeepTheirPeriod(string text, string expected)
        => Assert.Equal(expected, Split(text));

    [Fact]
    public void Tokenize_Initials_KeepTheirPeriod()
        => Assert.Equal("J.|R.|R.|Tolkien|and|George|W.|Bush", Split("J. R. R. Tolkien and George W. Bush"));

    [Theory]
    [InlineData("Growth was 3.5 percent, or 10,000 jobs.", "Growth|was|3.5|percent|,|or|10,000|jobs|.")]
    [InlineData("It costs $1,250.99 (about 12%).", "It|costs|$|1,250.99|(|about|12|%|)|.")]
    [InlineData("The vote is at 10:30 on 11/20/2024.", "The|vote|is|at|10:30|on|11/20/2024|.")]
    [InlineData("Call 713-853-3989 by the 3rd.", "Call|713-853-3989|by|the|3rd|.")]
    [InlineData("Lists: 1, 2, 3.", "Lists|:|1|,|2|,|3|.")]
    public void Tokenize_NumbersTimesDatesMoney_AsOneToken(string text, string expected)
        => Assert.Equal(expected, Split(text));

    [Fact]
    public void Tokenize_Numbers_HaveNumberKind()
    {
        Assert.Equal(TokenKind.Number, KindOf("paid 1,250.99 dollars", "1,250.99"));
        Assert.Equal(TokenKind.Symbol, KindOf("paid $5", "$"));
        Assert.Equal(TokenKind.Symbol, KindOf("up 5%", "%"));
    }

    [Theory]
    [InlineData("a well-known, long-term plan", "a|well|-|known|,|long|-|term|plan")]
    [InlineData("Send an e-mail to the co-workers of the non-profit.", "Send|an|e-mail|to|the|co-workers|of|the|non-profit|.")]
    [InlineData("a pre-war, anti-government mood", "a|pre-war|,|anti-government|mood")]
    public void Tokenize_Hyphens_SplitExceptAfterPrefixes(string text, string expected)
        => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Wait... what? No -- never \u2014 not once!!", "Wait|...|what|?|No|--|never|\u2014|not|once|!!")]
    [InlineData("Really?! Yes\u2026", "Really|?!|Yes|\u2026")]
    public void Tokenize_EllipsesDashesAndRuns_OneToken(string text, string expected)
        => Assert.Equal(expected, Split(text));

    [Fact]
    public void Tokenize_StraightDoubleQuotes_DirectionFromContext()
    {
        const string text = "He said \"we will win.\" Critics called it \"absurd\", then left.";
        Token[] tokens = TextTokenizer.Tokenize(text);
        TokenKind[] quotes = Array.FindAll(tokens, t => text[t.Start] == '"').Select(t => t.Kind).ToArray();
        Assert.Equal([TokenKind.OpeningQuote, TokenKind.ClosingQuote, TokenKind.OpeningQuote, TokenKind.ClosingQuote], quotes);
    }

    [Fact]
    public void Tokenize_StraightQuotesSurroundedBySpace_AlternateByState()
    {
        const string text = "He said \" we will \" then";
        Token[] tokens = TextTokenizer.Tokenize(text);
        TokenKind[] quotes = Array.FindAll(tokens, t => text[t.Start] == '"').Select(t => t.Kind).ToArray();
        Assert.Equal([TokenKind.OpeningQuote, TokenKind.ClosingQuote], quotes);
    }

    [Theory]
    [InlineData("\u201CWe are ready,\u201D he said.", "\u201C", "\u201D")]
    [InlineData("\u00ABNous sommes pr\u00EAts\u00BB", "\u00AB", "\u00BB")]
    [InlineData("called it \u2018a farce\u2019 today", "\u2018", "\u2019")]
    [InlineData("called it 'a farce' today", "'", "'")]
    public void Tokenize_QuoteMarks_OpeningAndClosing(string text, string open, string close)
    {
        Token[] tokens = TextTokenizer.Tokenize(text);
        Token first = Array.Find(tokens, t => text[t.Start..t.End] == open);
        Token last = Array.FindLast(tokens, t => text[t.Start..t.End] == close);
        Assert.Equal(TokenKind.OpeningQuote, first.Kind);
        Assert.Equal(TokenKind.ClosingQuote, last.Kind);
    }

    [Fact]
    public void Tokenize_CurlyApostropheInQuotedSpeech_NotAQuote()
    {
        const string text = "\u201CIt\u2019s Russia\u2019s call,\u201D she said.";
        Assert.Equal("\u201C|It|\u2019s|Russia|\u2019s|call|,|\u201D|she|said|.", Split(text));
        Assert.Equal(TokenKind.Word, KindOf(text, "\u2019s"));
    }

    [Theory]
    [InlineData("See https://example.com/news?id=4 (today).", "https://example.com/news?id=4", TokenKind.Url)]
    [InlineData("Visit www.example.org.", "www.example.org", TokenKind.Url)]
    [InlineData("Write to press.office@example.co.uk, please.", "press.office@example.co.uk", TokenKind.Email)]
    [InlineData("Follow @Reuters_World now", "@Reuters_World", TokenKind.Handle)]
    [InlineData("trending #Election2024 today", "#Election2024", TokenKind.Hashtag)]
    [InlineData("Amazon.com shares rose", "Amazon.com", TokenKind.Url)]
    public void Tokenize_WebTokens_OneTokenWithKind(string text, string token, TokenKind kind)
        => Assert.Equal(kind, KindOf(text, token));

    [Theory]
    [InlineData("Log in at mail.news-site.com.", "Log|in|at|mail.news-site.com|.")]
    [InlineData("Posted to comp.lang.basic today", "Posted|to|comp.lang.basic|today")]
    [InlineData("Groups: rec.pets.dogs.open-forum  Hi", "Groups|:|rec.pets.dogs.open-forum|Hi")]
    [InlineData("Open notes.final.pdf now", "Open|notes.final.pdf|now")]
    [InlineData("Write to a.b.smith@example.com now", "Write|to|a.b.smith@example.com|now")]
    public void Tokenize_DottedNamesOfThreeLabels_OneToken(string text, string expected)
        => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("It ended.then it began", "It|ended|.|then|it|began")]
    [InlineData("It ended.Then.Later on", "It|ended|.|Then|.|Later|on")]
    [InlineData("He said so.He.Left", "He|said|so|.|He|.|Left")]
    [InlineData("a.very.x end", "a|.|very|.|x|end")]
    [InlineData("King Tut.ankh.Amun ruled", "King|Tut|.|ankh|.|Amun|ruled")]
    [InlineData("Halo.Bungie.Org fans", "Halo|.|Bungie|.|Org|fans")]
    [InlineData("the U.S.A. team", "the|U.S.A.|team")]
    public void Tokenize_DottedRunsThatAreNotNames_StaySplit(string text, string expected)
        => Assert.Equal(expected, Split(text));

    [Fact]
    public void Tokenize_DottedNameLongerThanADnsName_StaysSplit()
    {
        // 90 labels of two letters: 269 characters, longer than any DNS name (253), so never one token, and no
        // token is longer than a DNS name (each look-ahead is bounded, which keeps long dotted runs linear).
        string name = string.Join('.', Enumerable.Repeat("ab", 90));
        Token[] tokens = TextTokenizer.Tokenize(name + " end");
        Assert.True(tokens.Length > 3, $"{tokens.Length} tokens");
        Assert.All(tokens, t => Assert.True(t.End - t.Start <= 253, $"token of {t.End - t.Start} characters"));
    }

    [Fact]
    public void Tokenize_DottedNameOfDnsLength_OneToken()
    {
        // 84 labels of two letters: 251 characters, within the DNS limit.
        string name = string.Join('.', Enumerable.Repeat("ab", 84));
        Assert.Equal(name + "|end", Split(name + " end"));
    }

    [Fact]
    public void Tokenize_EmailWithOverlongLocalPart_IsNotOneAddress()
    {
        string local = new('a', 65);
        Token[] tokens = TextTokenizer.Tokenize(local + "@example.com");
        Assert.True(tokens.Length > 1, $"{tokens.Length} tokens");
        Assert.Equal("a.b@example.com", Split("a.b@example.com"));
    }

    [Theory]
    [InlineData("Great news \uD83D\uDE00!", "\uD83D\uDE00")]
    [InlineData("Love it \u2764\uFE0F", "\u2764\uFE0F")]
    [InlineData("family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 day", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67")]
    [InlineData("go \uD83C\uDDFA\uD83C\uDDF8 go", "\uD83C\uDDFA\uD83C\uDDF8")]
    [InlineData("thanks :) see you", ":)")]
    public void Tokenize_Emoji_OneTokenIncludingModifiers(string text, string emoji)
        => Assert.Equal(TokenKind.Emoji, KindOf(text, emoji));

    [Fact]
    public void Tokenize_CapitalizedNames_AreWordsStartingUpperCase()
    {
        const string text = "Sergei Riabkov met Zo\u00EB M\u00FCller-L\u00FCdenscheidt in S\u00E3o Paulo.";
        Assert.Equal("Sergei|Riabkov|met|Zo\u00EB|M\u00FCller|-|L\u00FCdenscheidt|in|S\u00E3o|Paulo|.", Split(text));
        Assert.Equal(TokenKind.Word, KindOf(text, "Zo\u00EB"));
    }

    [Fact]
    public void Tokenize_HostileInput_NeverThrowsAndCoversText()
    {
        string longWord = new('a', 100_000);
        string[] inputs =
        [
            string.Empty, "   ", "\uD800", "\uDC00abc", "a\uD800b", "\0\u0001\u0002", longWord, "\"" + longWord + "'s",
            new string('.', 50_000), "http://" + longWord, "@" + longWord, "x@" + longWord + ".com",
        ];
        foreach (string input in inputs)
        {
            Token[] tokens = TextTokenizer.Tokenize(input);
            TokenizerInvariants.AssertCoversNonWhiteSpace(input, tokens);
        }
    }

    [Fact]
    public void EnumerateTokens_WholeArticle_AllocatesNothing()
    {
        string text = ArticleAnalyzer.GetSampleArticle() + " \"Don't,\" said Dr. J. Smith (U.S.) at 10:30 \u2014 see www.x.com, a@b.org :) #tag @x \uD83D\uDE00";
        int expected = TextTokenizer.CountTokens(text);

        // The first reading of the allocation counter on a thread can include unrelated runtime bytes: take the least of a few.
        long least = long.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            int count = TextTokenizer.CountTokens(text);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(expected, count);
        }

        Assert.Equal(0, least);
    }

    [Fact]
    public void EnumerateTokens_SameAsTokenize()
    {
        const string text = "\"Don't,\" said Dr. J. Smith (U.S.) at 10:30 \u2014 see www.x.com :)";
        var enumerated = new List<Token>();
        foreach (Token token in TextTokenizer.EnumerateTokens(text))
        {
            enumerated.Add(token);
        }

        Assert.Equal(TextTokenizer.Tokenize(text), enumerated);
        Assert.Equal(enumerated.Count, TextTokenizer.CountTokens(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(60)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    public void Tokenize_WordsAcrossTheScannerBlocks_KeepTheirExtent(int offset)
    {
        // The word scanner reads 64 characters at a time: words that start, end or run across a block edge,
        // words longer than a block, and words that end the text must come out whole.
        string longWord = new('w', 150);
        string text = new string(' ', offset) + "alpha beta" + new string('x', 70) + " gamma, " + longWord + " d3lta9 " + longWord;
        string expected = "alpha|beta" + new string('x', 70) + "|gamma|,|" + longWord + "|d3lta9|" + longWord;
        Assert.Equal(expected, Split(text));
        Assert.Equal(TokenKind.Word, TextTokenizer.Tokenize(text)[^1].Kind);
    }
}
