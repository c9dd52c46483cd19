using System.Buffers;

namespace NewsExtract.Entities;

/// <summary>
/// Per-document, per-call working data of the feature extractor: token hashes, flags, clusters,
/// gazetteer matches and document-wide counts. Arrays are rented and returned on dispose.
/// </summary>
internal sealed class NerDocumentState : IDisposable
{
    public NerDocumentState(NerInput input)
    {
        Input = input;
        int n = input.Tokens.Length;
        Word = ArrayPool<ulong>.Shared.Rent(n);
        Lower = ArrayPool<ulong>.Shared.Rent(n);
        Shape = ArrayPool<ulong>.Shared.Rent(n);
        Cluster = ArrayPool<int>.Shared.Rent(n);
        Sentence = ArrayPool<int>.Shared.Rent(n);
        Flags = ArrayPool<NerTokenFlags>.Shared.Rent(n);
        GazBegin = ArrayPool<uint>.Shared.Rent(n);
        GazInside = ArrayPool<uint>.Shared.Rent(n);
        GazLast = ArrayPool<uint>.Shared.Rent(n);
        GazUnit = ArrayPool<uint>.Shared.Rent(n);
        FirstPass = ArrayPool<int>.Shared.Rent(n);
        Array.Clear(GazBegin, 0, n);
        Array.Clear(GazInside, 0, n);
        Array.Clear(GazLast, 0, n);
        Array.Clear(GazUnit, 0, n);
        Counts = new Dictionary<ulong, NerDocumentCounts>(Math.Min(n / 4, 1 << 14));
    }

    public NerInput Input { get; }

    public ulong[] Word { get; }

    public ulong[] Lower { get; }

    public ulong[] Shape { get; }

    /// <summary>Word cluster as <c>depth &lt;&lt; 24 | path bits</c>, or -1.</summary>
    public int[] Cluster { get; }

    public int[] Sentence { get; }

    public NerTokenFlags[] Flags { get; }

    public uint[] GazBegin { get; }

    public uint[] GazInside { get; }

    public uint[] GazLast { get; }

    public uint[] GazUnit { get; }

    /// <summary>First-pass tags when <see cref="HasFirstPass"/>.</summary>
    public int[] FirstPass { get; }

    public bool HasFirstPass { get; set; }

    public Dictionary<ulong, NerDocumentCounts> Counts { get; }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(Word);
        ArrayPool<ulong>.Shared.Return(Lower);
        ArrayPool<ulong>.Shared.Return(Shape);
        ArrayPool<int>.Shared.Return(Cluster);
        ArrayPool<int>.Shared.Return(Sentence);
        ArrayPool<NerTokenFlags>.Shared.Return(Flags);
        ArrayPool<uint>.Shared.Return(GazBegin);
        ArrayPool<uint>.Shared.Return(GazInside);
        ArrayPool<uint>.Shared.Return(GazLast);
        ArrayPool<uint>.Shared.Return(GazUnit);
        ArrayPool<int>.Shared.Return(FirstPass);
    }
}
