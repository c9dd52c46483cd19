namespace NewsExtract.Quotes;

/// <summary>
/// The features of one speaker candidate, as 32-bit hashes of a feature name and up to three values
/// (FNV-1a over the name's characters and the values), so conjunctions ("the rule's choice × route ×
/// quote kind") cost no strings. Feature names are the constants of <see cref="SpeakerRanker"/>.
/// </summary>
internal sealed class SpeakerFeatures
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;
    private readonly List<uint> _hashes = new(32);

    public int Count => _hashes.Count;

    public void Add(string name) => _hashes.Add(Hash(name, 0, 0, 0, 0));

    public void Add(string name, int a) => _hashes.Add(Hash(name, 1, a, 0, 0));

    public void Add(string name, int a, int b) => _hashes.Add(Hash(name, 2, a, b, 0));

    public void Add(string name, int a, int b, int c) => _hashes.Add(Hash(name, 3, a, b, c));

    public uint[] ToArray() => [.. _hashes];

    /// <summary>The hash of a feature: its name and its values (count first, so ("x", 0) differs from "x").</summary>
    public static uint Hash(string name, int count, int a, int b, int c)
    {
        uint h = Offset;
        foreach (char ch in name)
        {
            h = (h ^ ch) * Prime;
        }

        h = (h ^ (uint)count) * Prime;
        if (count > 0)
        {
            h = Mix(h, a);
        }

        if (count > 1)
        {
            h = Mix(h, b);
        }

        if (count > 2)
        {
            h = Mix(h, c);
        }

        return h;
    }

    /// <summary>
    /// FNV-1a over the lower-cased first <paramref name="maxLength"/> characters of a word, for a word used as a
    /// feature value ("said", "says", "according").
    /// </summary>
    public static uint HashLowercase(ReadOnlySpan<char> word, int maxLength)
    {
        uint h = Offset;
        for (int i = 0; i < word.Length && i < maxLength; i++)
        {
            h = (h ^ char.ToLowerInvariant(word[i])) * Prime;
        }

        return h;
    }

    private static uint Mix(uint h, int value)
    {
        uint v = (uint)value;
        for (int i = 0; i < 4; i++)
        {
            h = (h ^ (v & 0xFF)) * Prime;
            v >>= 8;
        }

        return h;
    }
}
