using NewsExtract.Structure;

namespace NewsExtract.Text.Sentences;

/// <summary>
/// A layout for text that is not a news article (evaluation corpora, plain documents): paragraphs are
/// separated by blank lines, all of them are body text, and there is no title. Sentence splitting over
/// it runs the same <see cref="SentenceSplitter"/> code as the article pipeline.
/// </summary>
internal static class PlainTextLayout
{
    public static ArticleLayout Create(string text)
    {
        var paragraphs = new List<Paragraph>();
        int start = -1;
        int lastContent = -1;
        int pos = 0;
        while (pos < text.Length)
        {
            int lineEnd = text.AsSpan(pos).IndexOf('\n');
            lineEnd = lineEnd < 0 ? text.Length : pos + lineEnd;
            ReadOnlySpan<char> line = text.AsSpan(pos, lineEnd - pos);
            int first = line.IndexOfAnyExcept(" \t\r\f\v\u00A0");
            if (first < 0)
            {
                if (start >= 0)
                {
                    paragraphs.Add(new Paragraph(start, lastContent, ParagraphKind.Body));
                    start = -1;
                }
            }
            else
            {
                if (start < 0)
                {
                    start = pos + first;
                }

                lastContent = pos + line.TrimEnd(" \t\r\f\v\u00A0").Length;
            }

            pos = lineEnd + 1;
        }

        if (start >= 0)
        {
            paragraphs.Add(new Paragraph(start, lastContent, ParagraphKind.Body));
        }

        return new ArticleLayout(null, paragraphs.ToArray());
    }
}
