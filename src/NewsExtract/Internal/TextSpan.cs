namespace NewsExtract.Internal;

/// <summary>A half-open range <c>[Start, End)</c> of UTF-16 code units in the analysed text (internal working type).</summary>
/// <param name="Start">The index of the first code unit.</param>
/// <param name="End">The index one past the last code unit.</param>
internal readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Gets the number of code units in the span.</summary>
    public int Length => End - Start;
}
