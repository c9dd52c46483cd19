namespace NewsExtract.Entities;

/// <summary>
/// An immutable open-addressing table from 64-bit hashes to integers (feature rows, word clusters,
/// gazetteer categories). Lookups take a hash, so callers never allocate a string.
/// </summary>
internal sealed class NerLexicon
{
    private readonly ulong[] _slots;
    private readonly int[] _values;
    private readonly int _mask;

    public NerLexicon(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> values)
    {
        if (keys.Length != values.Length)
        {
            throw new ArgumentException("Keys and values differ in length.", nameof(values));
        }

        int capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _slots = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = Stored(keys[i]);
            int slot = (int)(key & (uint)_mask);
            while (_slots[slot] != 0 && _slots[slot] != key)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = key;
            _values[slot] = values[i];
        }

        Count = keys.Length;
    }

    public static NerLexicon Empty { get; } = new([], []);

    public int Count { get; }

    public bool TryGetValue(ulong key, out int value)
    {
        key = Stored(key);
        int slot = (int)(key & (uint)_mask);
        while (true)
        {
            ulong k = _slots[slot];
            if (k == key)
            {
                value = _values[slot];
                return true;
            }

            if (k == 0)
            {
                value = 0;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    // 0 marks an empty slot; a key that hashes to 0 shares the slot of 1 (odds 2^-63).
    private static ulong Stored(ulong key) => key == 0 ? 1 : key;
}
