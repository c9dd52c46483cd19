using NewsExtract.Text.Tokenization;

namespace NewsExtract.Internal;

/// <summary>Binary search over a token layer by text offset.</summary>
internal static class TokenSearch
{
    /// <summary>Returns the index of the first token that starts at or after <paramref name="offset"/> (the length when none does).</summary>
    public static int IndexAtOrAfter(Token[] tokens, int offset)
    {
        int lo = 0;
        int hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset)
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
}
