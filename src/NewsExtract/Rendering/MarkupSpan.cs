namespace NewsExtract.Rendering;

/// <summary>One element to draw over <c>[Start, End)</c> of the text.</summary>
/// <param name="Start">The first code unit, moved off the middle of a surrogate pair.</param>
/// <param name="End">One past the last code unit, moved off the middle of a surrogate pair.</param>
/// <param name="Layer">The nesting layer.</param>
/// <param name="Index">The index of the item in its layer's list.</param>
internal readonly record struct MarkupSpan(int Start, int End, MarkupLayer Layer, int Index) : IComparable<MarkupSpan>
{
    /// <summary>Orders spans from the outermost to the innermost: layer, then start, then longest first.</summary>
    public int CompareTo(MarkupSpan other)
    {
        int c = Layer.CompareTo(other.Layer);
        if (c == 0)
        {
            c = Start.CompareTo(other.Start);
        }

        if (c == 0)
        {
            c = other.End.CompareTo(End);
        }

        return c != 0 ? c : Index.CompareTo(other.Index);
    }
}
