using System.Buffers;

namespace NewsExtract.Text.Tokenization;

/// <summary>
/// Splits English text into tokens with exact UTF-16 offsets, following the UD English (EWT) and
/// Penn Treebank conventions: clitics and negations are separate tokens ("do" "n't", "Russia" "&#x2019;s"),
/// abbreviations and initials keep their period ("U.S.", "Dr.", "J."), numbers keep their decimal
/// point, thousands separators, time and date separators, and hyphenated compounds are split except
/// after a bound prefix ("e-mail", "non-profit").
/// </summary>
/// <remarks>The tokenizer is stateless and thread-safe; enumerating tokens allocates nothing.</remarks>
public static class TextTokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="text"/> without allocating.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>An enumerator for use in a <see langword="foreach"/>.</returns>
    public static TokenEnumerator EnumerateTokens(ReadOnlySpan<char> text) => new(text);

    /// <summary>Returns the tokens of <paramref name="text"/> as an array.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The tokens in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Tokenize(text.AsSpan());
    }

    /// <summary>Returns the tokens of <paramref name="text"/> as an array.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The tokens in text order.</returns>
    public static Token[] Tokenize(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return [];
        }

        // English averages about one token per five characters; start there and grow.
        Token[] buffer = ArrayPool<Token>.Shared.Rent(Math.Min(text.Length, (text.Length / 4) + 16));
        int count = 0;
        try
        {
            var tokens = new TokenEnumerator(text);
            while (true)
            {
                if (count == buffer.Length)
                {
                    Token[] larger = ArrayPool<Token>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan().CopyTo(larger);
                    ArrayPool<Token>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = tokens.Read(buffer.AsSpan(count));
                if (read == 0)
                {
                    break;
                }

                count += read;
            }

            // Every element is overwritten by the copy, so the result need not be zeroed first.
            Token[] result = GC.AllocateUninitializedArray<Token>(count);
            buffer.AsSpan(0, count).CopyTo(result);
            return result;
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(buffer);
        }
    }

    /// <summary>Counts the tokens of <paramref name="text"/> without allocating.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The number of tokens.</returns>
    public static int CountTokens(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (Token token in EnumerateTokens(text))
        {
            _ = token;
            count++;
        }

        return count;
    }
}
