using NewsExtract.Internal;

namespace NewsExtract.Resolution;

/// <summary>
/// First, simple resolver: mentions with the same text and type are one entity, and a one-word
/// person mention joins the most recent person entity whose name ends in that word. The canonical
/// name is the longest alias.
/// </summary>
internal sealed class EntityResolver
{
    public void Resolve(AnalysisDocument document)
    {
        MentionInfo[] mentions = document.Mentions;
        string text = document.Text;
        var clusters = new List<(EntityType Type, List<int> Mentions, List<string> Aliases)>();
        var mentionCluster = new int[mentions.Length];
        for (int m = 0; m < mentions.Length; m++)
        {
            MentionInfo mention = mentions[m];
            string surface = text.Substring(mention.Start, mention.End - mention.Start);
            int found = -1;
            for (int c = clusters.Count - 1; c >= 0 && found < 0; c--)
            {
                if (clusters[c].Type != mention.Type)
                {
                    continue;
                }

                foreach (string alias in clusters[c].Aliases)
                {
                    if (alias == surface ||
                        (mention.Type == EntityType.Person && alias.EndsWith(" " + surface, StringComparison.Ordinal)))
                    {
                        found = c;
                        break;
                    }
                }
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
}
