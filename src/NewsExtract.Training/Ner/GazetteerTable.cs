using NewsExtract.Entities;

namespace NewsExtract.Training.Ner;

/// <summary>
/// Builds the hashed gazetteer table from a folder of lists (one name a line, <c>#</c> header, extra
/// TAB columns ignored): each list is one category; an entry's key ignores case, spaces and
/// punctuation. Lists whose licence is share-alike (CC BY-SA) are left out so the table can ship.
/// </summary>
internal sealed class GazetteerTable
{
    /// <summary>Lists not used: share-alike licence (see ../shared/data/gazetteers/PROVENANCE.md).</summary>
    private static readonly string[] s_excluded = ["org.international_supraverden.txt"];

    private GazetteerTable(string[] categories, ulong[] keys, int[] masks)
    {
        Categories = categories;
        Keys = keys;
        Masks = masks;
    }

    public string[] Categories { get; }

    public ulong[] Keys { get; }

    public int[] Masks { get; }

    public static GazetteerTable Empty { get; } = new([], [], []);

    public static GazetteerTable Build(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{folder}: gazetteer folder not found");
        }

        string[] files = Directory.GetFiles(folder, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        var categories = new List<string>();
        var masks = new Dictionary<ulong, int>();
        foreach (string file in files)
        {
            string name = Path.GetFileName(file);
            if (Array.IndexOf(s_excluded, name) >= 0)
            {
                continue;
            }

            if (categories.Count == 32)
            {
                throw new CliException($"{folder}: more than 32 gazetteer lists");
            }

            int bit = 1 << categories.Count;
            categories.Add(Path.GetFileNameWithoutExtension(name));
            foreach (string raw in TextFileReader.ReadAllText(file).Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                string entry = (tab >= 0 ? line[..tab] : line).Trim();
                ulong key = NerHash.AddNameChars(NerHash.Seed, entry, ignoreCase: true, out bool any);
                if (!any)
                {
                    continue;
                }

                masks.TryGetValue(key, out int mask);
                masks[key] = mask | bit;
            }
        }

        ulong[] keys = [.. masks.Keys];
        Array.Sort(keys);
        int[] values = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            values[i] = masks[keys[i]];
        }

        return new GazetteerTable(categories.ToArray(), keys, values);
    }
}
