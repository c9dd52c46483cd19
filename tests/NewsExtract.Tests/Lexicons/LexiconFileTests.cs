using NewsExtract.Lexicons;

namespace NewsExtract.Tests.Lexicons;

/// <summary>Every embedded word list has a complete header, no duplicate entries, and is read by the pipeline.</summary>
public sealed class LexiconFileTests
{
    public static TheoryData<string> LexiconNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in LexiconRegistry.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_library_embeds_its_lexicons()
    {
        Assert.True(LexiconRegistry.Names.Count >= 10, "expected the library's word lists under Lexicons/");
    }

    [Theory]
    [MemberData(nameof(LexiconNames))]
    public void Each_lexicon_has_a_header_and_entries(string name)
    {
        Lexicon lexicon = LexiconRegistry.Get(name);
        Assert.Equal(name, lexicon.Name);
        Assert.False(string.IsNullOrWhiteSpace(lexicon.Description));
        Assert.False(string.IsNullOrWhiteSpace(lexicon.Source));
        Assert.False(string.IsNullOrWhiteSpace(lexicon.Licence));
        Assert.False(string.IsNullOrWhiteSpace(lexicon.Format));
        Assert.NotEmpty(lexicon.Entries);
    }

    [Theory]
    [MemberData(nameof(LexiconNames))]
    public void Each_lexicon_lists_every_key_once(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (string entry in LexiconRegistry.Get(name).Entries)
        {
            string key = Lexicon.Key(entry);
            if (!seen.Add(key))
            {
                duplicates.Add(key);
            }
        }

        Assert.True(duplicates.Count == 0, $"{name} repeats: {string.Join(", ", duplicates)}");
    }

    [Fact]
    public void Every_lexicon_is_read_by_a_full_analysis()
    {
        // A full analysis of the sample article loads, lazily, every list some stage uses; a file no stage
        // reads is dead weight in the package (or a stage that forgot to use it).
        IArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        _ = analyzer.Analyze(ArticleAnalyzer.GetSampleArticle(), TestContext.Current.CancellationToken);
        var loaded = new HashSet<string>(LexiconRegistry.LoadedNames, StringComparer.Ordinal);
        var unused = new List<string>();
        foreach (string name in LexiconRegistry.Names)
        {
            if (!loaded.Contains(name))
            {
                unused.Add(name);
            }
        }

        Assert.True(unused.Count == 0, "lexicons no stage reads: " + string.Join(", ", unused));
    }

    [Fact]
    public void A_file_without_a_complete_header_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => Lexicon.Parse("broken", "# lexicon: broken\n# what: x\nword\n"));
        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_entries()
    {
        Lexicon lexicon = Lexicon.Parse(
            "demo",
            "# lexicon: demo\n# what: a demo\n# source: written for this test\n# licence: CC0\n# format: word TAB tag\none\ttag\r\n\n# a separator\ntwo\n");
        Assert.Equal(["one\ttag", "two"], lexicon.Entries);
        Assert.Equal(["one", "tag"], Lexicon.Columns(lexicon.Entries[0]));
    }
}
