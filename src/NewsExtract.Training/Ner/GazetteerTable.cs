using NewsExtract.Entities;

namespace NewsExtract.Training.Ner;

/// <summary>
/// Builds the hashed gazetteer table from a folder of lists (one name a line, <c>#</c> header, extra
/// TAB columns ignored). The manifest <c>Ner/Data/gazetteers.tsv</c> (embedded) maps each list to a
/// feature category and names the model kinds its licence allows: share-alike, copyleft and unclear
/// lists are used by no model or by the default model only, never by the licence-clean one. An
/// entry's key ignores case, spaces and punctuation.
/// </summary>
internal sealed class GazetteerTable
{
    private GazetteerTable(string[] categories, ulong[] keys, int[] masks, string[] files)
    {
        Categories = categories;
        Keys = keys;
        Masks = masks;
        Files = files;
    }

    public string[] Categories { get; }

    public ulong[] Keys { get; }

    public int[] Masks { get; }

    /// <summary>The list files used, by name.</summary>
    public string[] Files { get; }

    public static GazetteerTable Empty { get; } = new([], [], [], []);

    /// <summary>The manifest rows: file, category, model kinds, licence.</summary>
    public static IReadOnlyList<(string File, string Category, string[] Models, string Licence)> Manifest()
    {
        using Stream stream = typeof(GazetteerTable).Assembly.GetManifestResourceStream("NewsExtract.Training.gazetteers.tsv")
            ?? throw new InvalidOperationException("The gazetteer manifest is missing from the training assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<(string, string, string[], string)>();
        while (reader.ReadLine() is string line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length != 4)
            {
                throw new InvalidDataException($"gazetteer manifest: bad line '{line}'");
            }

            rows.Add((f[0], f[1], f[2] == "-" ? [] : f[2].Split(','), f[3]));
        }

        return rows;
    }

    /// <param name="folder">The folder of lists.</param>
    /// <param name="modelKind">"default" or "open": only lists the manifest allows for it are read.</param>
    /// <param name="log">Where to report lists present in the folder but not in the manifest.</param>
    public static GazetteerTable Build(string folder, string modelKind, TextWriter? log = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new CliException($"{folder}: gazetteer folder not found");
        }

        var manifest = new Dictionary<string, (string Category, string[] Models)>(StringComparer.Ordinal);
        foreach ((string file, string category, string[] models, _) in Manifest())
        {
            manifest[file] = (category, models);
        }

        string[] files = Directory.GetFiles(folder, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        var categories = new List<string>();
        var used = new List<string>();
        var masks = new Dictionary<ulong, int>();
        foreach (string file in files)
        {
            string name = Path.GetFileName(file);
            if (!manifest.TryGetValue(name, out (string Category, string[] Models) entry))
            {
                log?.WriteLine($"gazetteer: {name} is not in the manifest; not used");
                continue;
            }

            if (Array.IndexOf(entry.Models, modelKind) < 0)
            {
                continue;
            }

            int index = categories.IndexOf(entry.Category);
            if (index < 0)
            {
                if (categories.Count == 32)
                {
                    throw new CliException($"{folder}: more than 32 gazetteer categories");
                }

                index = categories.Count;
                categories.Add(entry.Category);
            }

            used.Add(name);
            int bit = 1 << index;
            foreach (string raw in TextFileReader.ReadAllText(file).Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                string item = (tab >= 0 ? line[..tab] : line).Trim();
                ulong key = NerHash.AddNameChars(NerHash.Seed, item, ignoreCase: true, out bool any);
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

        return new GazetteerTable(categories.ToArray(), keys, values, used.ToArray());
    }
}
