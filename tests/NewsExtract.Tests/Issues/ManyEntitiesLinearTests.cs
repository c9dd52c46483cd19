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
    /// <summary>
    /// Bytes allocated per input character may grow by at most this factor from 5,000 to 20,000 people:
    /// linear stages keep it flat (fixed costs even shrink it); per-pair work multiplies it by about 4.
    /// </summary>
    private const double MaxGrowth = 1.5;

    /// <summary>Generous absolute ceiling (the whole pipeline allocates about 250 bytes per character here).</summary>
    private const int MaxBytesPerChar = 1_000;

    [Fact]
    public void Analyze_TwentyThousandPeopleQuoted_KeepsInvariantsAndFindsEveryQuote()
    {
        ArticleAnalyzer analyzer = ArticleAnalyzer.CreateDefault();
        analyzer.Analyze("Warm up, said Anna Lee.", TestContext.Current.CancellationToken);

        double small = BytesPerChar(analyzer, 5_000);
        double large = BytesPerChar(analyzer, 20_000);

        Assert.True(large <= MaxBytesPerChar, $"allocated {large:F0} bytes per input character (at most {MaxBytesPerChar})");
        Assert.True(
            large <= small * MaxGrowth,
            $"allocation per character grew from {small:F0} to {large:F0} bytes with 4x the people: a stage is doing per-pair work");
    }

    private static double BytesPerChar(ArticleAnalyzer analyzer, int people)
    {
        string text = Build(people);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ArticleAnalysis analysis = analyzer.Analyze(text, TestContext.Current.CancellationToken);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        OffsetInvariants.AssertValid(text, analysis);
        Assert.Equal(people, analysis.Quotes.Count);
        return (double)allocated / text.Length;
    }

    /// <summary>One paragraph per person: "\u201CThe plan is fine,\u201D said Bakotu Lemira."</summary>
    private static string Build(int people)
    {
        const string Consonants = "bdfklmnprstvz";
        const string Vowels = "aeiou";
        var sb = new StringBuilder("Many voices\n\n");
        var random = new Random(8);
        for (int i = 0; i < people; i++)
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
