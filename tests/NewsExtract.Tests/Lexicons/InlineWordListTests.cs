using System.Text.RegularExpressions;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Lexicons;

/// <summary>
/// English knowledge lives in lexicon files, not in C#: no source file of the library may hold a list of
/// more than five string literals (array or collection initializers, <c>params</c> calls, <c>is "a" or "b"</c>
/// patterns, switch arms, chains of <c>case</c> labels). Nothing is allow-listed.
/// </summary>
public sealed partial class InlineWordListTests
{
    private const int MaxLiterals = 5;

    [Fact]
    public void No_source_file_of_the_library_holds_an_inline_word_list()
    {
        string root = Path.Combine(SharedData.RepositoryRoot, "src", "NewsExtract");
        var found = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string list in FindLists(File.ReadAllText(file)))
            {
                found.Add(relative + ": " + list);
            }
        }

        Assert.True(found.Count == 0, "inline word lists (move them to src/NewsExtract/Lexicons/*.txt):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("static readonly string[] s = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"];")]
    [InlineData("var set = Set(\n    \"he\", \"she\",\n    \"they\", \"it\", \"i\", \"we\");")]
    [InlineData("return word is \"com\" or \"org\" or \"net\" or \"gov\" or \"edu\" or \"mil\";")]
    [InlineData("switch (w) { case \"a\": case \"b\": case \"c\": case \"d\": case \"e\": case \"f\": return true; }")]
    public void The_scan_finds_a_list_of_six_literals(string source)
    {
        Assert.Single(FindLists(source));
    }

    [Theory]
    [InlineData("static readonly string[] s = [\"a\", \"b\", \"c\", \"d\", \"e\"];")]
    [InlineData("f.Add(\"cand\", k); f.Add(\"ent.type\", type, k); f.Add(\"ent.evid\", 1);")]
    public void The_scan_allows_five_literals_and_unrelated_strings(string source)
    {
        Assert.Empty(FindLists(source));
    }

    private static List<string> FindLists(string source)
    {
        var lists = new List<string>();
        foreach (Match match in ListPattern().Matches(source))
        {
            int line = 1 + source.AsSpan(0, match.Index).Count('\n');
            string text = match.Value.ReplaceLineEndings(" ");
            lists.Add($"line {line}: {(text.Length > 80 ? text[..80] + "..." : text)}");
        }

        return lists;
    }

    // A string literal, then at least five more, each after a comma, "or", "||" or ": case".
    [GeneratedRegex("""(?:case\s+)?"(?:[^"\\\n]|\\.)*"(?:\s*(?:,|\bor\b|\|\||:\s*case)\s*"(?:[^"\\\n]|\\.)*"){5,}""")]
    private static partial Regex ListPattern();
}
