using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Text.Sentences;

/// <summary>
/// First, simple sentence splitter: sentences never cross paragraphs; inside a paragraph a sentence
/// ends after '.', '!' or '?' (and any closing quotes or brackets that follow) when the next token
/// starts with an upper-case letter, a digit or an opening quote. Boilerplate paragraphs yield none.
/// </summary>
internal sealed class SentenceSplitter
{
    public SentenceInfo[] Split(string text, Token[] tokens, ArticleLayout layout)
    {
        var sentences = new List<SentenceInfo>();
        int t = 0;
        for (int p = 0; p < layout.Paragraphs.Length; p++)
        {
            Paragraph paragraph = layout.Paragraphs[p];
            while (t < tokens.Length && tokens[t].Start < paragraph.Start)
            {
                t++;
            }

            int first = t;
            while (t < tokens.Length && tokens[t].End <= paragraph.End)
            {
                t++;
            }

            if (paragraph.Kind == ParagraphKind.Boilerplate)
            {
                continue;
            }

            int sentenceFirst = first;
            for (int i = first; i < t; i++)
            {
                char c = text[tokens[i].Start];
                if (tokens[i].Length == 1 && c is '.' or '!' or '?')
                {
                    int last = i;
                    while (last + 1 < t && (tokens[last + 1].Kind == TokenKind.ClosingQuote || text[tokens[last + 1].Start] is ')' or ']' or '.' or '!' or '?'))
                    {
                        last++;
                    }

                    if (last + 1 < t)
                    {
                        char next = text[tokens[last + 1].Start];
                        if (!(char.IsUpper(next) || char.IsDigit(next) || tokens[last + 1].Kind == TokenKind.OpeningQuote))
                        {
                            i = last;
                            continue;
                        }
                    }

                    Add(sentences, tokens, sentenceFirst, last, p);
                    sentenceFirst = last + 1;
                    i = last;
                }
            }

            if (sentenceFirst < t)
            {
                Add(sentences, tokens, sentenceFirst, t - 1, p);
            }
        }

        return sentences.ToArray();
    }

    private static void Add(List<SentenceInfo> sentences, Token[] tokens, int first, int last, int paragraph)
        => sentences.Add(new SentenceInfo(tokens[first].Start, tokens[last].End, first, last - first + 1, paragraph));
}
