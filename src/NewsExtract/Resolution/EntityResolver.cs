using NewsExtract.Internal;

namespace NewsExtract.Resolution;

/// <summary>
/// First, simple resolver: mentions with the same text and type are one entity, and a one-word
/// person mention joins the most recent person entity whose name ends in that word. The canonical
/// name is the longest alias.
/// </summary>
internal sealed class EntityResolver
{
    /// <summary>
    /// How many trailing word sequences of a person alias are indexed ("Smith", "Jane Smith", ...):
    /// bounds the work for a pathological run of hundreds of capitalised words.
    /// </summary>
    private const int MaxIndexedSuffixes = 8;

    public void Resolve(AnalysisDocument document)
    {
        MentionInfo[] mentions = document.Mentions;
        string text = document.Text;
        var clusters = new List<(EntityType Type, List<int> Mentions, List<string> Aliases)>();
        var mentionCluster = new int[mentions.Length];

        // Indexes instead of a scan of every cluster per mention, which was quadratic in the number
        // of entities: the latest cluster holding an alias, and for persons the latest cluster with
        // an alias ending in " " + a given word sequence.
        var latestWithAlias = new Dictionary<(EntityType, string), int>();
        var latestPersonWithSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int m = 0; m < mentions.Length; m++)
        {
            MentionInfo mention = mentions[m];
            string surface = text.Substring(mention.Start, mention.End - mention.Start);
            int found = latestWithAlias.GetValueOrDefault((mention.Type, surface), -1);
            if (mention.Type == EntityType.Person)
            {
                found = Math.Max(found, latestPersonWithSuffix.GetValueOrDefault(surface, -1));
            }

            if (found < 0)
            {
                found = clusters.Count;
                clusters.Add((mention.Type, [], []));
            }

            clusters[found].Mentions.Add(m);
            if (!clusters[found].Aliases.Contains(surface))
            {
                clusters[found].Aliases.Add(surface);
                latestWithAlias[(mention.Type, surface)] = Math.Max(found, latestWithAlias.GetValueOrDefault((mention.Type, surface), -1));
                if (mention.Type == EntityType.Person)
                {
                    IndexSuffixes(latestPersonWithSuffix, surface, found);
                }
            }

            mentionCluster[m] = found;
        }

        var entities = new EntityInfo[clusters.Count];
        for (int c = 0; c < clusters.Count; c++)
        {
            List<string> aliases = clusters[c].Aliases;
            string name = aliases[0];
            foreach (string alias in aliases)
            {
                if (alias.Length > name.Length)
                {
                    name = alias;
                }
            }

            aliases.Remove(name);
            aliases.Insert(0, name);
            entities[c] = new EntityInfo(c + 1, clusters[c].Type, name, aliases, clusters[c].Mentions, []);
        }

        document.Entities = entities;
        document.MentionEntity = mentionCluster;
    }

    private static void IndexSuffixes(Dictionary<string, int> index, string alias, int cluster)
    {
        int end = alias.Length;
        for (int n = 0; n < MaxIndexedSuffixes; n++)
        {
            int space = alias.LastIndexOf(' ', end - 1);
            if (space < 0)
            {
                return;
            }

            string suffix = alias[(space + 1)..];
            index[suffix] = Math.Max(cluster, index.GetValueOrDefault(suffix, -1));
            end = space;
            if (end == 0)
            {
                return;
            }
        }
    }
}
