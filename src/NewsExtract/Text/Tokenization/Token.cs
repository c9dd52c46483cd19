namespace NewsExtract.Text.Tokenization;

/// <summary>A token: a span of the analysed text and its lexical class.</summary>
/// <param name="Start">The index of the first code unit.</param>
/// <param name="End">The index one past the last code unit.</param>
/// <param name="Kind">The lexical class of the token.</param>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    /// <summary>Gets the number of code units in the token.</summary>
    public int Length => End - Start;
}
