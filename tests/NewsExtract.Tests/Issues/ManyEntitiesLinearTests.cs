using System.Text;
using NewsExtract.Tests.Infrastructure;

namespace NewsExtract.Tests.Issues;

/// <summary>
/// Issue 8 regression: entity resolution compared every mention with every earlier entity, and
/// speaker attribution scanned every mention of the document for every quote, so a long input with
/// many people took quadratic time (the 10 MB scaling benchmark ran 15 times slower per MB than 1 MB).
/// This input has tens of thousands of distinct people and quotes; it finishes in well under a second
/// when the stages are linear and takes many seconds when they are not. The deterministic check is
/// on allocation: the quadratic resolver allocated gigabytes (a string per comparison), a linear
/// pipeline a few dozen bytes per input character.
/// </summary>
public class ManyEntitiesLinearTests
{
    private const int People = 20_000;

    /// <summary>Generous: the whole pipeline allocates about 30 bytes per character of news-like text today.</summary>
    private const int MaxBytesPerChar = 200;

    [Fact]
    public void Analyze_TwentyThousandPeopleQuoted_KeepsInvariantsAndFindsEveryQuote()
    {
        string text = Build();
        ArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        analyzer.Analyze("Warm up, said Anna Lee.", TestContext.Current.CancellationToken);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ArticleAnalysis analysis = analyzer.Analyze(text, TestContext.Current.CancellationToken);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        OffsetInvariants.AssertValid(text, analysis);
        Assert.Equal(People, analysis.Quotes.Count);
        Assert.True(
            allocated <= (long)MaxBytesPerChar * text.Length,
            $"allocated {allocated / text.Length} bytes per input character (at most {MaxBytesPerChar}): a stage is doing per-pair work");
    }

    /// <summary>One paragraph per person: "\u201CThe plan is fine,\u201D said Bakotu Lemira."</summary>
    private static string Build()
    {
        const string Consonants = "bdfklmnprstvz";
        const string Vowels = "aeiou";
        var sb = new StringBuilder("Many voices\n\n");
        var random = new Random(8);
        for (int i = 0; i < People; i++)
        {
            sb.Append("\u201CThe plan is fine,\u201D said ");
            for (int word = 0; word < 2; word++)
            {
                int start = sb.Length;
                for (int syllable = 0; syllable < 3; syllable++)
                {
                    sb.Append(Consonants[random.Next(Consonants.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
                }

                sb[start] = char.ToUpperInvariant(sb[start]);
                sb.Append(word == 0 ? ' ' : '.');
            }

            sb.Append("\n\n");
        }

        return sb.ToString();
    }
}
