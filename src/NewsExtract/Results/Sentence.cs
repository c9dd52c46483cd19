using System.Diagnostics.CodeAnalysis;

namespace NewsExtract;

/// <summary>A sentence of the article, as offsets into the analysed text.</summary>
public readonly record struct Sentence
{
    [SetsRequiredMembers]
    internal Sentence(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Gets the index of the first code unit of the sentence.</summary>
    public required int Start { get; init; }

    /// <summary>Gets the index one past the last code unit of the sentence.</summary>
    public required int End { get; init; }
}
