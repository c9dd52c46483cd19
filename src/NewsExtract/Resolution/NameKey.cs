using System.Text;
using NewsExtract.Lexicons;

namespace NewsExtract.Resolution;

/// <summary>
/// Normalization of names for comparison: case and diacritic folding, and a transliteration key that
/// maps the usual English spellings of Russian, Arabic, Greek and German names onto one form
/// ("Riabkov"/"Ryabkov", "Sergei"/"Sergey", "Dmitri"/"Dmitry"/"Dmitriy", "Gaddafi"/"Qaddafi"/"Kadhafi",
/// "Aleksandr"/"Alexandr", "M\u00FCller"/"Mueller").
/// </summary>
internal static class NameKey
{
    /// <summary>The Arabic article as romanized (lexicon <c>arabic-article-prefixes</c>: "al-", "el-", "ash-", ...).</summary>
    private static readonly string[] s_articlePrefixes = LoadPrefixes();

    /// <summary>Base letters of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A); '*' keeps the character.</summary>
    private const string LatinBase =
        "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>
    /// Lower case, Latin diacritics removed ("Erdo\u011Fan" -> "erdogan"), curly apostrophes made
    /// straight. A table, not Unicode normalization, so it works the same under invariant globalization.
    /// </summary>
    public static string Fold(string s)
    {
        bool plain = true;
        foreach (char c in s)
        {
            if (c > '\u007F' || char.IsUpper(c))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return s;
        }

        return string.Create(s.Length, s, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c switch
                {
                    >= '\u00C0' and <= '\u017F' when LatinBase[c - '\u00C0'] != '*' => LatinBase[c - '\u00C0'],
                    '\u0218' or '\u0219' => 's',
                    '\u021A' or '\u021B' => 't',
                    '\u2019' or '\u2018' or '\u02BC' => '\'',
                    '\u2010' or '\u2011' or '\u2013' => '-',
                    _ => char.ToLowerInvariant(c),
                };
            }
        });
    }

    /// <summary>A folded word without dots and apostrophes: "U.S." -> "us", "O'Brien" -> "obrien".</summary>
    public static string Plain(string word)
    {
        string folded = Fold(word);
        var sb = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (c is not '.' and not '\'')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The transliteration key of one name word (input already <see cref="Plain"/>): an Arabic article
    /// prefix dropped ("al-assad" -> "assad"), u-, o-, a-umlaut written as ue/oe/ae folded, digraph spellings unified
    /// (kh->h, dh->d, th->t, ph->f, sch->sh, ks->x, ck->k, ou->u), c before a hard sound -> k, q -> k, an initial
    /// g -> k (Gaddafi/Qaddafi), y -> i, a final j -> i (Sergej), w -> v, and doubled letters collapsed.
    /// </summary>
    public static string Transliteration(string plain)
    {
        ReadOnlySpan<char> w = plain;
        foreach (string prefix in s_articlePrefixes)
        {
            if (w.Length > prefix.Length + 2 && w.StartsWith(prefix, StringComparison.Ordinal))
            {
                w = w[prefix.Length..];
                break;
            }
        }

        var sb = new StringBuilder(w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            if (c == '-')
            {
                continue;
            }

            if ((c is 'u' or 'o' or 'a') && next == 'e' && i > 0)
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (c == 's' && next == 'c' && i + 2 < w.Length && w[i + 2] == 'h')
            {
                sb.Append("sh");
                i += 2;
                continue;
            }

            if (next == 'h' && c is 'k' or 'd' or 't' or 'p' or 'g')
            {
                sb.Append(c switch { 'k' => 'h', 'p' => 'f', 'g' when sb.Length == 0 => 'k', _ => c });
                i++;
                continue;
            }

            if (c == 'k' && next == 's')
            {
                sb.Append('x');
                i++;
                continue;
            }

            if (c == 'c' && next == 'k')
            {
                sb.Append('k');
                i++;
                continue;
            }

            if (c == 'o' && next == 'u')
            {
                sb.Append('u');
                i++;
                continue;
            }

            char mapped = c switch
            {
                'c' when next is not 'h' and not 'e' and not 'i' and not 'y' => 'k',
                'q' => 'k',
                'g' when sb.Length == 0 => 'k',
                'y' => 'i',
                'j' when next == '\0' && i > 0 => 'i',
                'w' => 'v',
                _ => c,
            };
            sb.Append(mapped);
        }

        // Collapse doubled letters last, so "dmitriy" -> "dmitrii" -> "dmitri".
        var collapsed = new StringBuilder(sb.Length);
        for (int i = 0; i < sb.Length; i++)
        {
            if (i == 0 || sb[i] != sb[i - 1])
            {
                collapsed.Append(sb[i]);
            }
        }

        return collapsed.ToString();
    }

    /// <summary>
    /// Whether two name words are spellings of one name: equal transliteration keys, or, for keys of six
    /// letters or more, keys that differ by one inserted or deleted vowel ("alexandr"/"alexander").
    /// Substitutions are never accepted: "Miller"/"Muller", "Hansen"/"Jansen" are different names.
    /// </summary>
    public static bool SameName(string keyA, string keyB)
    {
        if (keyA == keyB)
        {
            return true;
        }

        if (Math.Min(keyA.Length, keyB.Length) < 6 || Math.Abs(keyA.Length - keyB.Length) != 1 || keyA[0] != keyB[0])
        {
            return false;
        }

        string longer = keyA.Length > keyB.Length ? keyA : keyB;
        string shorter = keyA.Length > keyB.Length ? keyB : keyA;
        int i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        return longer[i] is 'a' or 'e' or 'i' or 'o' or 'u' && longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }

    private static string[] LoadPrefixes()
    {
        IReadOnlyList<string> entries = LexiconRegistry.Get("arabic-article-prefixes").Entries;
        var prefixes = new string[entries.Count];
        for (int i = 0; i < prefixes.Length; i++)
        {
            prefixes[i] = Lexicon.Key(entries[i]);
        }

        return prefixes;
    }
}
