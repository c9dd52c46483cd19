using System.Text;

namespace NewsExtract.Training.Evaluation;

/// <summary>
/// Reads a CoNLL-U file into documents of raw text with gold token and sentence spans, as the CoNLL
/// 2018 shared task defines them: documents from <c># newdoc</c>, paragraphs from <c># newpar</c>,
/// sentence text from <c># text</c>, surface tokens from the word lines and multi-word token ranges.
/// </summary>
public static class ConlluReader
{
    /// <summary>Parses CoNLL-U text.</summary>
    /// <param name="conllu">The file content.</param>
    /// <param name="name">The file name used in error messages.</param>
    /// <returns>The documents in file order.</returns>
    /// <exception cref="CliException">The content is not valid CoNLL-U (missing <c># text</c>, forms that do not match it).</exception>
    public static IReadOnlyList<ConlluDocument> Read(string conllu, string name)
    {
        ArgumentNullException.ThrowIfNull(conllu);
        var documents = new List<ConlluDocument>();
        var builder = new DocumentBuilder();
        string? sentenceText = null;
        bool newDocument = false;
        bool newParagraph = false;
        var forms = new List<(string Form, int Line)>();
        int skipThrough = 0;
        string[] lines = conllu.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                if (sentenceText is not null || forms.Count > 0)
                {
                    Flush(n);
                }

                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    newDocument = true;
                    newParagraph = true;
                    if (builder.HasContent)
                    {
                        documents.Add(builder.Build());
                    }

                    int eq = line.IndexOf('=', StringComparison.Ordinal);
                    builder = new DocumentBuilder { Id = eq >= 0 ? line[(eq + 1)..].Trim() : $"doc{documents.Count + 1}" };
                }
                else if (line.StartsWith("# newpar", StringComparison.Ordinal))
                {
                    newParagraph = true;
                }
                else if (line.StartsWith("# text =", StringComparison.Ordinal))
                {
                    sentenceText = line[8..].Trim();
                }

                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length < 2)
            {
                throw new CliException($"{name}:{n + 1}: expected a tab-separated word line");
            }

            string id = columns[0];
            int dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (!int.TryParse(id.AsSpan(dash + 1), out skipThrough))
                {
                    throw new CliException($"{name}:{n + 1}: bad multi-word token range '{id}'");
                }

                forms.Add((columns[1], n + 1));
                continue;
            }

            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue; // an empty node: no surface text
            }

            if (!int.TryParse(id, out int wordId))
            {
                throw new CliException($"{name}:{n + 1}: bad word id '{id}'");
            }

            if (wordId > skipThrough)
            {
                forms.Add((columns[1], n + 1));
            }
        }

        if (sentenceText is not null || forms.Count > 0)
        {
            Flush(lines.Length);
        }

        if (builder.HasContent)
        {
            documents.Add(builder.Build());
        }

        return documents;

        void Flush(int lineNumber)
        {
            if (sentenceText is null)
            {
                throw new CliException($"{name}:{lineNumber}: sentence without a '# text =' line");
            }

            if (builder.HasContent)
            {
                builder.Text.Append(newParagraph && !newDocument ? "\n\n" : " ");
            }

            int offset = builder.Text.Length;
            builder.Text.Append(sentenceText);
            int cursor = 0;
            int sentenceStart = -1;
            int sentenceEnd = -1;
            foreach ((string form, int formLine) in forms)
            {
                (int start, int end) = Locate(sentenceText, form, cursor)
                    ?? throw new CliException($"{name}:{formLine}: token '{form}' does not match the sentence text");
                builder.Tokens.Add((offset + start, offset + end));
                sentenceStart = sentenceStart < 0 ? offset + start : sentenceStart;
                sentenceEnd = offset + end;
                cursor = end;
            }

            if (sentenceStart >= 0)
            {
                builder.Sentences.Add((sentenceStart, sentenceEnd));
            }

            builder.HasContent = true;
            sentenceText = null;
            newDocument = false;
            newParagraph = false;
            skipThrough = 0;
            forms.Clear();
        }
    }

    /// <summary>Finds <paramref name="form"/> at or after <paramref name="cursor"/>, skipping white space (also inside the form).</summary>
    private static (int Start, int End)? Locate(string text, string form, int cursor)
    {
        int i = cursor;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        int start = i;
        int f = 0;
        while (f < form.Length)
        {
            if (char.IsWhiteSpace(form[f]))
            {
                f++;
                continue;
            }

            while (i < text.Length && char.IsWhiteSpace(text[i]) && i > start)
            {
                i++;
            }

            if (i >= text.Length || text[i] != form[f])
            {
                return null;
            }

            i++;
            f++;
        }

        return i > start ? (start, i) : null;
    }

    private sealed class DocumentBuilder
    {
        public string Id { get; init; } = "doc1";

        public StringBuilder Text { get; } = new();

        public List<(int Start, int End)> Tokens { get; } = [];

        public List<(int Start, int End)> Sentences { get; } = [];

        public bool HasContent { get; set; }

        public ConlluDocument Build() => new(Id, Text.ToString(), Tokens, Sentences);
    }
}
