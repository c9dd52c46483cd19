using System.Text.Json;
using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Tests.Infrastructure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Resolution;

/// <summary>
/// The seed article resolved from oracle mentions (every occurrence of a gold alias, plus every
/// occurrence of a gold non-entity string as a tagger false positive), so the resolver is measured
/// apart from the entity tagger. No rule knows these names; the mentions come from the gold file.
/// </summary>
public class SeedArticleResolutionTests
{
    [Fact]
    public void Resolve_SeedArticleOracleMentions_AllGoldEntitiesAndNoNonEntities()
    {
        string text = File.ReadAllText(SharedData.Require("fixtures/seed-article.txt"));
        using JsonDocument gold = JsonDocument.Parse(File.ReadAllText(SharedData.Require("fixtures/seed-article.gold.json")));
        var pool = new List<(string Surface, EntityType Type)>();
        foreach (JsonElement e in gold.RootElement.GetProperty("entities").EnumerateArray())
        {
            EntityType type = Enum.Parse<EntityType>(e.GetProperty("type").GetString()!);
            foreach (JsonElement a in e.GetProperty("aliases").EnumerateArray())
            {
                pool.Add((a.GetString()!, type));
            }
        }

        string[] notEntities = gold.RootElement.GetProperty("notEntities").EnumerateArray().Select(e => e.GetString()!).ToArray();
        foreach (string n in notEntities)
        {
            pool.Add((n, EntityType.Location));
        }

        AnalysisDocument document = new(text);
        document.SetLayout(new ArticleStructureParser().Parse(text));
        document.SetTokens(TextTokenizer.Tokenize(text));
        document.SetRawMentions(Occurrences(document, pool));
        TestDocuments.Resolve(document);

        var problems = new List<string>();
        foreach (JsonElement e in gold.RootElement.GetProperty("entities").EnumerateArray())
        {
            string name = e.GetProperty("name").GetString()!;
            var aliases = e.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToHashSet();
            int[] ids = Enumerable.Range(0, document.Mentions.Length)
                .Where(m => aliases.Contains(text[document.Mentions[m].Start..document.Mentions[m].End]))
                .Select(m => document.MentionEntity[m]).Distinct().ToArray();
            if (ids.Length != 1)
            {
                problems.Add($"{name}: {ids.Length} entities");
                continue;
            }

            EntityInfo entity = document.Entities[ids[0]];
            if (entity.Name != name || entity.Type.ToString() != e.GetProperty("type").GetString())
            {
                problems.Add($"{name}: got {entity.Type} '{entity.Name}'");
            }
        }

        foreach (MentionInfo m in document.Mentions)
        {
            if (notEntities.Contains(text[m.Start..m.End]))
            {
                problems.Add("non-entity kept: " + text[m.Start..m.End]);
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Every whole-word occurrence of the pool strings, longest first, without overlaps, in text order.</summary>
    private static MentionInfo[] Occurrences(AnalysisDocument document, List<(string Surface, EntityType Type)> pool)
    {
        string text = document.Text;
        var taken = new bool[text.Length];
        var mentions = new List<MentionInfo>();
        foreach ((string surface, EntityType type) in pool.OrderByDescending(p => p.Surface.Length))
        {
            for (int start = text.IndexOf(surface, StringComparison.Ordinal); start >= 0; start = text.IndexOf(surface, start + 1, StringComparison.Ordinal))
            {
                int end = start + surface.Length;
                bool whole = (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
                if (!whole || taken.AsSpan(start, surface.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(start, surface.Length).Fill(true);
                int first = document.TokenIndexAtOrAfter(start);
                int last = first;
                while (last < document.Tokens.Length && document.Tokens[last].Start < end)
                {
                    last++;
                }

                mentions.Add(new MentionInfo(start, end, first, last - first, type, 0.9f));
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions.ToArray();
    }
}
