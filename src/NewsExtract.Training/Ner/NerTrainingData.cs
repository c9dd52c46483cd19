namespace NewsExtract.Training.Ner;

/// <summary>Features of every training token mapped to weight rows (pruned by count), per document.</summary>
internal sealed class NerTrainingData
{
    public NerTrainingData(ulong[] rowKeys, int[][] rows, int[][] offsets)
    {
        RowKeys = rowKeys;
        Rows = rows;
        Offsets = offsets;
    }

    /// <summary>The feature hash of each row.</summary>
    public ulong[] RowKeys { get; }

    /// <summary>Per document, the rows of all its tokens' features, token after token.</summary>
    public int[][] Rows { get; }

    /// <summary>Per document, where each token's rows start (one more entry than tokens).</summary>
    public int[][] Offsets { get; }
}
