using NewsExtract.Internal;

namespace NewsExtract.Structure;

/// <summary>
/// Splits an article into line blocks and classifies each: title (the first line that is not page
/// furniture, and any later line with the same words: scraped pages often repeat the headline),
/// boilerplate (lines opening with a phrase of the embedded boilerplate lexicon, and, once the story
/// has begun, the short lines that follow a comment form or a "latest posts" list), heading (a short line without final
/// punctuation) or body. Offsets always point into the original text; nothing is removed.
/// </summary>
/// <remarks>
/// A repeated title keeps the kind <see cref="ParagraphKind.Title"/>; the resolution stage drops the
/// mentions inside it, so each title entity is counted from the first title line only.
/// </remarks>
internal sealed class ArticleStructureParser
{
    /// <summary>Lines longer than this end a run of trailing furniture: they are real paragraphs.</summary>
    private const int MaxTailWords = 40;

    /// <summary>A line this long that ends a sentence is story text, even inside trailing furniture.</summary>
    private const int MinStoryWords = 15;

    private const int MaxHeadingWords = 10;

    private const int MaxHeadingLength = 80;

    private readonly BoilerplateLexicon _boilerplate;

    public ArticleStructureParser()
        : this(BoilerplateLexicon.Default)
    {
    }

    public ArticleStructureParser(BoilerplateLexicon boilerplate) => _boilerplate = boilerplate;

    public ArticleLayout Parse(string text)
    {
        var paragraphs = new List<Paragraph>();
        TextSpan? title = null;
        bool inTail = false;
        bool sawBody = false;
        int pos = 0;
        while (pos < text.Length)
        {
            int lineEnd = text.AsSpan(pos).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? text.Length : pos + lineEnd;

            int start = pos;
            int end = lineEnd;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                ReadOnlySpan<char> line = text.AsSpan(start, end - start);
                ParagraphKind kind;
                if (_boilerplate.IsBoilerplate(line, out bool tail))
                {
                    kind = ParagraphKind.Boilerplate;

                    // Navigation above the story ("Latest Posts" in a header) does not swallow the story.
                    inTail |= tail && sawBody;
                }
                else if (inTail && IsTailLine(line))
                {
                    kind = ParagraphKind.Boilerplate;
                }
                else if (title is null)
                {
                    title = new TextSpan(start, end);
                    kind = ParagraphKind.Title;
                }
                else if (SameWords(line, text.AsSpan(title.Value.Start, title.Value.Length)))
                {
                    kind = ParagraphKind.Title;
                }
                else if (IsHeading(line))
                {
                    kind = ParagraphKind.Heading;
                }
                else
                {
                    kind = ParagraphKind.Body;
                }

                if (kind != ParagraphKind.Boilerplate && inTail)
                {
                    inTail = false;
                }

                sawBody |= kind == ParagraphKind.Body;

                paragraphs.Add(new Paragraph(start, end, kind));
            }

            pos = lineEnd + 1;
        }

        return new ArticleLayout(title, paragraphs.ToArray());
    }

    /// <summary>
    /// Inside trailing furniture: a line of up to <see cref="MaxTailWords"/> words, unless it reads like a
    /// story paragraph (at least <see cref="MinStoryWords"/> words ending in sentence punctuation).
    /// </summary>
    private static bool IsTailLine(ReadOnlySpan<char> line)
    {
        int words = BoilerplateLexicon.CountWords(line);
        return words <= MaxTailWords && !(words >= MinStoryWords && line[^1] is '.' or '!' or '?' or '"' or '\u201D');
    }

    /// <summary>A heading is short, starts with a capital or digit and has no final punctuation.</summary>
    internal static bool IsHeading(ReadOnlySpan<char> line)
    {
        if (line.Length == 0 || line.Length > MaxHeadingLength || !(char.IsUpper(line[0]) || char.IsDigit(line[0])))
        {
            return false;
        }

        if (BoilerplateLexicon.EndsLikeSentence(line) || line[^1] is '\u201C' or '\u2018')
        {
            return false;
        }

        return BoilerplateLexicon.CountWords(line) <= MaxHeadingWords;
    }

    /// <summary>Compares two lines word by word, ignoring runs of white space.</summary>
    private static bool SameWords(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0;
        int j = 0;
        while (true)
        {
            while (i < a.Length && char.IsWhiteSpace(a[i]))
            {
                i++;
            }

            while (j < b.Length && char.IsWhiteSpace(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            bool aSpace = i > 0 && char.IsWhiteSpace(a[i - 1]);
            bool bSpace = j > 0 && char.IsWhiteSpace(b[j - 1]);
            if (aSpace != bSpace || a[i] != b[j])
            {
                return false;
            }

            i++;
            j++;
        }
    }
}
