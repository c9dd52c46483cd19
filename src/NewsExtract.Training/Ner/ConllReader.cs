namespace NewsExtract.Training.Ner;

/// <summary>
/// Reads token-per-line BIO files (token first, tag last; tab- or space-separated; blank lines between
/// sentences; <c>-DOCSTART-</c> between documents). Chunks follow the conlleval rules, so IOB1 and IOB2
/// both read correctly. A file without <c>-DOCSTART-</c> lines is read as one document per sentence.
/// </summary>
public static class ConllReader
{
    public static List<ConllDocument> Read(string path)
    {
        string text = TextFileReader.ReadAllText(path);
        return Parse(text, path);
    }

    public static List<ConllDocument> Parse(string text, string name)
    {
        bool hasDocStart = text.Contains("-DOCSTART-", StringComparison.Ordinal);
        var documents = new List<ConllDocument>();
        var sentences = new List<string[]>();
        var chunks = new List<ConllChunk>();
        var words = new List<string>();
        var tags = new List<string>();
        int docTokens = 0;
        int lineNumber = 0;

        void EndSentence()
        {
            if (words.Count == 0)
            {
                return;
            }

            AddChunks(tags, docTokens, chunks);
            sentences.Add(words.ToArray());
            docTokens += words.Count;
            words.Clear();
            tags.Clear();
            if (!hasDocStart)
            {
                EndDocument();
            }
        }

        void EndDocument()
        {
            if (sentences.Count > 0)
            {
                documents.Add(new ConllDocument(sentences.ToArray(), chunks.ToArray()));
            }

            sentences.Clear();
            chunks.Clear();
            docTokens = 0;
        }

        foreach (string raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                EndSentence();
                continue;
            }

            string[] fields = line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                throw new CliException($"{name}:{lineNumber}: expected 'token<TAB>tag'");
            }

            if (fields[0] == "-DOCSTART-")
            {
                EndSentence();
                EndDocument();
                continue;
            }

            string tag = fields[^1];
            if (tag != "O" && !(tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U'))
            {
                throw new CliException($"{name}:{lineNumber}: bad tag '{tag}' (expected O, B-TYPE or I-TYPE)");
            }

            words.Add(fields[0]);
            tags.Add(tag);
        }

        EndSentence();
        EndDocument();
        if (documents.Count == 0)
        {
            throw new CliException($"{name}: no tokens found");
        }

        return documents;
    }

    /// <summary>conlleval chunking: a chunk starts at B-X, or at I-X after O or another type; it ends
    /// before anything that is not I-X (E-/L- end it inclusively, S-/U- are single-token chunks).</summary>
    public static void AddChunks(IReadOnlyList<string> tags, int offset, List<ConllChunk> chunks)
    {
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag == "O" ? 'O' : tag[0];
            string? t = tag == "O" ? null : tag[2..];
            bool continues = type is not null && t == type && prefix is 'I' or 'E' or 'L';
            if (type is not null && !continues)
            {
                chunks.Add(new ConllChunk(offset + start, i - start, type));
                type = null;
            }

            if (t is not null && !continues)
            {
                start = i;
                type = t;
            }

            if (type is not null && prefix is 'E' or 'L' or 'S' or 'U')
            {
                chunks.Add(new ConllChunk(offset + start, i - start + 1, type));
                type = null;
            }
        }
    }
}
