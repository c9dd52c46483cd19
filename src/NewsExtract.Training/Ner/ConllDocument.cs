namespace NewsExtract.Training.Ner;

/// <summary>One document of a BIO file: sentences of tokens with their gold chunks.</summary>
public sealed class ConllDocument
{
    public ConllDocument(IReadOnlyList<string[]> sentences, IReadOnlyList<ConllChunk> chunks)
    {
        Sentences = sentences;
        Chunks = chunks;
    }

    public IReadOnlyList<string[]> Sentences { get; }

    /// <summary>Gold chunks, with token indices counted across the whole document.</summary>
    public IReadOnlyList<ConllChunk> Chunks { get; }

    public int TokenCount
    {
        get
        {
            int n = 0;
            foreach (string[] sentence in Sentences)
            {
                n += sentence.Length;
            }

            return n;
        }
    }
}
