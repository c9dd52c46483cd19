using NewsExtract.Text.Tokenization;

namespace NewsExtract.Internal;

/// <summary>
/// The one lower-bound (binary) search of the library, over any layer sorted by an offset: tokens and
/// mentions by start, sentences and paragraphs by end, speaker events by offset.
/// </summary>
internal static class SortedSearch
{
    /// <summary>
    /// Returns the index of the first item whose <paramref name="key"/> is at least <paramref name="value"/>
    /// (the length when none is); the items must be sorted by that key. Pass a static lambda, so no
    /// delegate is allocated per call.
    /// </summary>
    public static int LowerBound<T>(ReadOnlySpan<T> items, int value, Func<T, int> key)
    {
        int lo = 0;
        int hi = items.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (key(items[mid]) < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the first token that starts at or after <paramref name="offset"/> (the length when none does).</summary>
    public static int TokenAtOrAfter(Token[] tokens, int offset) => LowerBound<Token>(tokens, offset, static t => t.Start);

    /// <summary>The index of the first mention that starts at or after <paramref name="offset"/> (the length when none does).</summary>
    public static int MentionAtOrAfter(MentionInfo[] mentions, int offset) => LowerBound<MentionInfo>(mentions, offset, static m => m.Start);

    /// <summary>The index of the first sentence that ends after <paramref name="offset"/> (the length when none does).</summary>
    public static int SentenceEndingAfter(SentenceInfo[] sentences, int offset) => LowerBound<SentenceInfo>(sentences, offset + 1, static s => s.End);
}
