namespace NewsExtract.Lexicons;

/// <summary>
/// One embedded word list: its header (what it is, where it came from, its licence and line format)
/// and its entries. Every English word list of the library is a file under <c>src/NewsExtract/Lexicons</c>
/// read through <see cref="LexiconRegistry"/>; stages parse the columns of <see cref="Entries"/> themselves.
/// </summary>
/// <remarks>
/// File format: a header of <c># key: value</c> lines (<c>lexicon</c>, <c>what</c>, <c>source</c>,
/// <c>licence</c>, <c>format</c>; all required), then one entry a line. Blank lines and later lines that
/// start with <c>#</c> are comments. Columns are separated by a tab.
/// </remarks>
internal sealed class Lexicon
{
    private static readonly string[] s_requiredKeys = ["lexicon", "what", "source", "licence", "format"];

    private Lexicon(string name, string description, string source, string licence, string format, string[] entries)
    {
        Name = name;
        Description = description;
        Source = source;
        Licence = licence;
        Format = format;
        Entries = entries;
    }

    /// <summary>The lexicon's name (its file name without extension).</summary>
    public string Name { get; }

    /// <summary>What the list is and what it is used for (header key <c>what</c>).</summary>
    public string Description { get; }

    /// <summary>Where the entries came from (header key <c>source</c>).</summary>
    public string Source { get; }

    /// <summary>The licence of the list (header key <c>licence</c>).</summary>
    public string Licence { get; }

    /// <summary>The line format (header key <c>format</c>).</summary>
    public string Format { get; }

    /// <summary>The entry lines in file order, without comments, blank lines or trailing carriage returns.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>Splits an entry line at tabs; columns are trimmed.</summary>
    public static string[] Columns(string entry)
    {
        string[] parts = entry.Split('\t');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim();
        }

        return parts;
    }

    /// <summary>The first column of an entry line, trimmed.</summary>
    public static string Key(string entry)
    {
        int tab = entry.IndexOf('\t', StringComparison.Ordinal);
        return (tab < 0 ? entry : entry[..tab]).Trim();
    }

    /// <summary>Parses a lexicon file; throws <see cref="InvalidDataException"/> when its header is incomplete.</summary>
    public static Lexicon Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<string>();
        bool inHeader = true;
        string? lastKey = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length > 0 && line[0] == '#')
            {
                if (inHeader)
                {
                    string content = line.AsSpan(1).Trim().ToString();
                    int colon = content.IndexOf(':', StringComparison.Ordinal);
                    string key = colon > 0 ? content[..colon].Trim() : string.Empty;
                    if (key.Length > 0 && Array.IndexOf(s_requiredKeys, key) >= 0)
                    {
                        header[key] = content[(colon + 1)..].Trim();
                        lastKey = key;
                    }
                    else if (lastKey is not null)
                    {
                        header[lastKey] = header[lastKey] + " " + content;
                    }
                }

                continue;
            }

            inHeader = false;
            if (line.Trim().Length > 0)
            {
                entries.Add(line);
            }
        }

        foreach (string key in s_requiredKeys)
        {
            if (!header.TryGetValue(key, out string? value) || value.Length == 0)
            {
                throw new InvalidDataException($"Lexicon '{name}' has no '# {key}:' header line; every lexicon file starts with lexicon, what, source, licence and format.");
            }
        }

        if (!string.Equals(header["lexicon"], name, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Lexicon file '{name}' names itself '{header["lexicon"]}' in its header.");
        }

        return new Lexicon(name, header["what"], header["source"], header["licence"], header["format"], entries.ToArray());
    }
}
