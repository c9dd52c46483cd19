using System.Text;
using CsCheck;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Generators of hostile and of news-like text for the property tests. Every generator can produce
/// any UTF-16 sequence its name promises, including invalid ones (lone surrogates), because scraped
/// input does.
/// </summary>
internal static class TextGen
{
    /// <summary>Any UTF-16 code unit: controls, lone surrogates, private use, noncharacters.</summary>
    public static readonly Gen<char> AnyCodeUnit = Gen.Char['\0', '\uFFFF'];

    public static readonly Gen<char> Surrogate = Gen.Char['\uD800', '\uDFFF'];

    public static readonly Gen<char> Control = Gen.Frequency(
        (4, Gen.Char['\0', '\u001F']),
        (2, Gen.Char['\u007F', '\u009F']),
        (2, Gen.OneOfConst('\u2028', '\u2029', '\u200B', '\u200C', '\u200D', '\u200E', '\u202E', '\uFEFF', '\u00AD', '\uFFFD', '\uFFFE', '\uFFFF')));

    /// <summary>Every quote-like mark a scraper meets, straight, curly, angled, low and prime.</summary>
    public static readonly Gen<char> QuoteMark = Gen.Char["\"'`\u201C\u201D\u2018\u2019\u201A\u201B\u201E\u201F\u00AB\u00BB\u2039\u203A\u2032\u2033\u300C\u300D"];

    public static readonly Gen<char> Punctuation = Gen.Frequency(
        (6, Gen.Char[".,;:!?()[]{}-/\\*&%$#@^_+=<>|~"]),
        (2, Gen.Char["\u2014\u2013\u2026\u00A7\u00B6\u00BF\u00A1\u2022\u00B7\u3002\u3001\u060C\u061F"]),
        (3, QuoteMark));

    public static readonly Gen<char> Space = Gen.Frequency(
        (10, Gen.Const(' ')),
        (3, Gen.Const('\n')),
        (2, Gen.OneOfConst('\t', '\r')),
        (1, Gen.OneOfConst('\u00A0', '\u2003', '\u3000', '\v', '\f', '\u0085', '\u1680', '\u202F')));

    public static readonly Gen<char> AsciiLetterOrDigit = Gen.Frequency(
        (6, Gen.Char['a', 'z']),
        (3, Gen.Char['A', 'Z']),
        (1, Gen.Char['0', '9']));

    /// <summary>Letters of several scripts, combining marks and digits of other number systems.</summary>
    public static readonly Gen<char> ScriptLetter = Gen.Frequency(
        (4, AsciiLetterOrDigit),
        (2, Gen.Char['\u00C0', '\u024F']),
        (2, Gen.Char['\u0370', '\u03FF']),
        (2, Gen.Char['\u0400', '\u04FF']),
        (1, Gen.Char['\u0590', '\u05FF']),
        (1, Gen.Char['\u0600', '\u06FF']),
        (1, Gen.Char['\u0900', '\u097F']),
        (1, Gen.Char['\u0E00', '\u0E7F']),
        (1, Gen.Char['\u3040', '\u30FF']),
        (2, Gen.Char['\u4E00', '\u9FFF']),
        (1, Gen.Char['\uAC00', '\uD7A3']),
        (1, Gen.Char['\u0300', '\u036F']),
        (1, Gen.Char['\uFF10', '\uFF5A']));

    /// <summary>Well-formed supplementary characters (emoji, math letters, CJK extension B) as pairs.</summary>
    public static readonly Gen<string> SurrogatePair = Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32);

    /// <summary>Uniformly random code units: mostly unassigned or odd characters, often lone surrogates.</summary>
    public static readonly Gen<string> RandomUnicode = StringOf(AnyCodeUnit, 0, 300);

    /// <summary>Words and spaces salted with lone and mis-ordered surrogates.</summary>
    public static readonly Gen<string> LoneSurrogates = Pieces(
        0,
        120,
        (6, Word(AsciiLetterOrDigit, 1, 12)),
        (4, Space.Select(c => c.ToString())),
        (3, Surrogate.Select(c => c.ToString())),
        (1, Gen.Select(Gen.Char['\uDC00', '\uDFFF'], Gen.Char['\uD800', '\uDBFF'], (low, high) => string.Concat(low, high))),
        (2, SurrogatePair),
        (2, Punctuation.Select(c => c.ToString())));

    /// <summary>Sentence-like text with control characters, BOMs, bidi overrides and zero-width marks inside.</summary>
    public static readonly Gen<string> ControlCharacters = Pieces(
        0,
        120,
        (6, Word(AsciiLetterOrDigit, 1, 12)),
        (4, Space.Select(c => c.ToString())),
        (4, Control.Select(c => c.ToString())),
        (2, Punctuation.Select(c => c.ToString())));

    /// <summary>One very long token (letters, digits, dotted or hyphenated chains) inside a little text.</summary>
    public static readonly Gen<string> LongTokens = Gen.Select(
        Gen.Int[1_000, 60_000],
        Gen.OneOfConst("a", "Ab", "1", "a.", "A.", "a-", "x'", "1,", "1.", "\u00E9", "\u0416", "\uD83D\uDE00", "-", ".", "_"),
        Word(AsciiLetterOrDigit, 0, 10),
        Word(AsciiLetterOrDigit, 0, 10),
        (length, unit, before, after) =>
        {
            var sb = new StringBuilder(length + 32);
            sb.Append(before).Append(' ');
            while (sb.Length < length)
            {
                sb.Append(unit);
            }

            return sb.Append(' ').Append(after).Append('.').ToString();
        });

    /// <summary>Thousands of quote marks, mostly unbalanced, between a few words.</summary>
    public static readonly Gen<string> QuoteStorm = Gen.Select(
        Gen.Int[500, 8_000],
        Gen.Int[0, 4],
        Gen.UInt,
        (count, style, seed) =>
        {
            var random = new Random((int)seed);
            var sb = new StringBuilder(count * 3);
            string marks = style switch
            {
                0 => "\u201C",
                1 => "\u201C\u201D",
                2 => "\"",
                3 => "\u201C\u201D\"'\u2018\u2019\u00AB\u00BB",
                _ => "\u201C\"\u2019",
            };
            for (int i = 0; i < count; i++)
            {
                sb.Append(marks[random.Next(marks.Length)]);
                int r = random.Next(10);
                if (r < 3)
                {
                    sb.Append(' ');
                }
                else if (r == 3)
                {
                    sb.Append(random.Next(2) == 0 ? "said Anna Lee" : "Words here.");
                }
                else if (r == 4 && style == 4)
                {
                    sb.Append('\n');
                }
            }

            return sb.ToString();
        });

    /// <summary>Letters, punctuation and quote marks with no white space at all.</summary>
    public static readonly Gen<string> NoSpaces = StringOf(
        Gen.Frequency((6, AsciiLetterOrDigit), (3, Punctuation), (1, ScriptLetter)), 0, 3_000);

    /// <summary>Only punctuation and quote marks, with or without spaces.</summary>
    public static readonly Gen<string> OnlyPunctuation = Gen.OneOf(
        StringOf(Punctuation, 0, 600),
        StringOf(Gen.Frequency((4, Punctuation), (1, Space)), 0, 600));

    /// <summary>Words of many scripts, capitalised and not, with punctuation and line breaks.</summary>
    public static readonly Gen<string> MixedScripts = Pieces(
        0,
        150,
        (8, Word(ScriptLetter, 1, 10)),
        (2, Word(AsciiLetterOrDigit, 1, 1).Select(w => w.ToUpperInvariant()).SelectMany(first => Word(Gen.Char['a', 'z'], 1, 8).Select(rest => first + rest))),
        (6, Space.Select(c => c.ToString())),
        (2, Punctuation.Select(c => c.ToString())),
        (1, SurrogatePair));

    /// <summary>A free mixture of everything above, in short pieces.</summary>
    public static readonly Gen<string> Chaos = Pieces(
        0,
        200,
        (4, Word(ScriptLetter, 1, 10)),
        (4, Space.Select(c => c.ToString())),
        (2, Punctuation.Select(c => c.ToString())),
        (1, Control.Select(c => c.ToString())),
        (1, Surrogate.Select(c => c.ToString())),
        (1, SurrogatePair),
        (1, NewsText.Sentence));

    /// <summary>Line structure: many or no line breaks, CRLF and CR, blank lines, repeated title lines, long lines.</summary>
    public static readonly Gen<string> Lines = Gen.Select(NewsText.Sentence.List[1, 40], Gen.OneOfConst("\n", "\r\n", "\r", "\n\n", "\n \n", "\u2028", " "), Gen.Bool, (lines, separator, repeatFirst) =>
    {
        if (repeatFirst)
        {
            lines.Add(lines[0]);
            lines.Insert(1, lines[0]);
        }

        return string.Join(separator, lines);
    });

    /// <summary>Strings of <paramref name="min"/> to <paramref name="max"/> characters drawn from <paramref name="chars"/>.</summary>
    public static Gen<string> StringOf(Gen<char> chars, int min, int max) => chars.Array[min, max].Select(a => new string(a));

    /// <summary>A word of <paramref name="min"/> to <paramref name="max"/> characters.</summary>
    public static Gen<string> Word(Gen<char> chars, int min, int max) => StringOf(chars, min, max);

    /// <summary>Concatenates <paramref name="min"/> to <paramref name="max"/> pieces drawn with the given weights.</summary>
    public static Gen<string> Pieces(int min, int max, params (int Weight, Gen<string> Gen)[] pieces)
    {
        var weighted = new (int, IGen<string>)[pieces.Length];
        for (int i = 0; i < pieces.Length; i++)
        {
            weighted[i] = (pieces[i].Weight, pieces[i].Gen);
        }

        return Gen.Frequency(weighted).Array[min, max].Select(string.Concat);
    }

    /// <summary>Describes an input in a failure message: its length and an escaped prefix, not megabytes of text.</summary>
    public static string Describe(string text)
    {
        var sb = new StringBuilder();
        sb.Append("length ").Append(text.Length).Append(": \"");
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, 400)))
        {
            if (c is >= ' ' and < '\u007F' and not '"' and not '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.Append(text.Length > 400 ? "\"..." : "\"").ToString();
    }
}
