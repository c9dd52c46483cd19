using System.Diagnostics.CodeAnalysis;

namespace NewsExtract;

/// <summary>A block of text separated from its neighbours by a line break.</summary>
public readonly record struct Paragraph
{
    [SetsRequiredMembers]
    internal Paragraph(int start, int end, ParagraphKind kind)
    {
        Start = start;
        End = end;
        Kind = kind;
    }

    /// <summary>Gets the index of the first code unit.</summary>
    public required int Start { get; init; }

    /// <summary>Gets the index one past the last code unit (line break excluded).</summary>
    public required int End { get; init; }

    /// <summary>Gets what the block is: body text, title, heading or boilerplate.</summary>
    public required ParagraphKind Kind { get; init; }
}
