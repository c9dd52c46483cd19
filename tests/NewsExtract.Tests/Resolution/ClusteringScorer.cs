using System.Text.Json;
using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Tests.Infrastructure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Resolution;

/// <summary>
/// Runs the resolver on the gold mentions of ClusteringCases.json and scores the clusters pairwise:
/// over every pair of gold mentions in a case, precision = pairs put together that belong together /
/// pairs put together, recall = pairs put together that belong together / pairs that belong together.
/// A gold mention the cleaner dropped counts as a cluster of its own.
/// </summary>
internal static class ClusteringScorer
{
    public static string CasesPath => Path.Combine(SharedData.RepositoryRoot, "tests", "NewsExtract.Tests", "Resolution", "ClusteringCases.json");

    public static List<ClusteringCase> LoadCases()
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(CasesPath));
        var cases = new List<ClusteringCase>();
        foreach (JsonElement c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            string text = c.GetProperty("text").GetString()!;
            var mentions = new List<GoldMention>();
            int from = 0;
            foreach (JsonElement m in c.GetProperty("mentions").EnumerateArray())
            {
                string surface = m[0].GetString()!;
                int start = text.IndexOf(surface, from, StringComparison.Ordinal);
                if (start < 0)
                {
                    throw new InvalidDataException($"case {c.GetProperty("id").GetString()}: mention '{surface}' not found after offset {from}");
                }

                EntityType type = m[1].GetString() switch
                {
                    "P" => EntityType.Person,
                    "O" => EntityType.Organization,
                    "L" => EntityType.Location,
                    string other => throw new InvalidDataException("unknown type " + other),
                    null => throw new InvalidDataException("missing type"),
                };
                float confidence = m.GetArrayLength() > 3 ? (float)m[3].GetDouble() : 1f;
                mentions.Add(new GoldMention(start, start + surface.Length, type, m[2].GetString()!, confidence));
                from = start + surface.Length;
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (c.TryGetProperty("names", out JsonElement n))
            {
                foreach (JsonProperty p in n.EnumerateObject())
                {
                    names[p.Name] = p.Value.GetString()!;
                }
            }

            cases.Add(new ClusteringCase(c.GetProperty("id").GetString()!, c.GetProperty("split").GetString()!, text, mentions, names));
        }

        return cases;
    }

    /// <summary>Resolves one case's gold mentions; returns the document and, per gold mention, its predicted entity (-1 - i when dropped).</summary>
    public static (AnalysisDocument Document, int[] Predicted) Resolve(ClusteringCase c)
    {
        var document = new AnalysisDocument(c.Text);
        document.SetLayout(new ArticleStructureParser().Parse(c.Text));
        document.SetTokens(TextTokenizer.Tokenize(c.Text));
        var mentions = new MentionInfo[c.Mentions.Count];
        for (int i = 0; i < mentions.Length; i++)
        {
            GoldMention g = c.Mentions[i];
            int first = document.TokenIndexAtOrAfter(g.Start);
            int last = first;
            while (last < document.Tokens.Length && document.Tokens[last].Start < g.End)
            {
                last++;
            }

            mentions[i] = new MentionInfo(g.Start, g.End, first, last - first, g.Type, g.Confidence);
        }

        document.SetRawMentions(mentions);
        TestDocuments.Resolve(document);

        var predicted = new int[c.Mentions.Count];
        for (int i = 0; i < predicted.Length; i++)
        {
            predicted[i] = -1 - i;
            int best = 0;
            for (int j = 0; j < document.Mentions.Length; j++)
            {
                int overlap = Math.Min(document.Mentions[j].End, c.Mentions[i].End) - Math.Max(document.Mentions[j].Start, c.Mentions[i].Start);
                if (overlap > best)
                {
                    best = overlap;
                    predicted[i] = document.MentionEntity[j];
                }
            }
        }

        return (document, predicted);
    }

    public static ClusteringScore Score(IEnumerable<ClusteringCase> cases)
    {
        int together = 0;
        int gold = 0;
        int correct = 0;
        var errors = new List<string>();
        foreach (ClusteringCase c in cases)
        {
            (_, int[] predicted) = Resolve(c);
            for (int i = 0; i < predicted.Length; i++)
            {
                for (int j = i + 1; j < predicted.Length; j++)
                {
                    bool p = predicted[i] == predicted[j];
                    bool g = c.Mentions[i].Cluster == c.Mentions[j].Cluster;
                    together += p ? 1 : 0;
                    gold += g ? 1 : 0;
                    correct += p && g ? 1 : 0;
                    if (p != g)
                    {
                        string a = c.Text[c.Mentions[i].Start..c.Mentions[i].End];
                        string b = c.Text[c.Mentions[j].Start..c.Mentions[j].End];
                        errors.Add($"{c.Id}: '{a}' / '{b}' {(p ? "wrongly merged" : "missed")} (entities {predicted[i]}, {predicted[j]})");
                    }
                }
            }
        }

        return new ClusteringScore(together == 0 ? 1 : (double)correct / together, gold == 0 ? 1 : (double)correct / gold, correct, together, gold, errors);
    }
}
