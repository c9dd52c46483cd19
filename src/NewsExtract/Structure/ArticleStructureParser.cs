namespace NewsExtract.Structure;

/// <summary>
/// Splits an article into line blocks and classifies each: title (first line and its repetitions),
/// heading (short line without final punctuation), boilerplate (page furniture) or body.
/// </summary>
internal sealed class ArticleStructureParser
{
    private static readonly string[] s_boilerplatePrefixes =
    [
        "source:", "source from:", "leave a reply", "leave a comment", "your email address will not be published",
        "latest posts", "related posts", "share this", "subscribe", "sign up for", "follow us", "read more",
        "advertisement", "we use cookies", "this site uses cookies", "all rights reserved", "copyright ©",
    ];

    public ArticleLayout Parse(string text)
    {
        var paragraphs = new List<Paragraph>();
        TextSpan? title = null;
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
                if (title is null)
                {
                    title = new TextSpan(start, end);
                    kind = ParagraphKind.Title;
                }
                else if (SameWords(line, text.AsSpan(title.Value.Start, title.Value.Length)))
                {
                    kind = ParagraphKind.Title;
                }
                else if (IsBoilerplate(line))
                {
                    kind = ParagraphKind.Boilerplate;
                }
                else if (IsHeading(line))
                {
                    kind = ParagraphKind.Heading;
                }
                else
                {
                    kind = ParagraphKind.Body;
                }

                paragraphs.Add(new Paragraph(start, end, kind));
            }

            pos = lineEnd + 1;
        }

        return new ArticleLayout(title, paragraphs.ToArray());
    }

    private static bool IsBoilerplate(ReadOnlySpan<char> line)
    {
        foreach (string prefix in s_boilerplatePrefixes)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeading(ReadOnlySpan<char> line)
    {
        if (line.Length > 60 || !char.IsUpper(line[0]))
        {
            return false;
        }

        char last = line[^1];
        if (last is '.' or '!' or '?' or ':' or ';' or ',' or '"' or '\u201D' or '\u2019' or ')')
        {
            return false;
        }

        int words = 1;
        foreach (char c in line)
        {
            if (c == ' ')
            {
                words++;
            }
        }

        return words <= 6;
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
