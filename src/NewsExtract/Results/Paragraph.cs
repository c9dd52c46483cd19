namespace NewsExtract;

/// <summary>A block of text separated from its neighbours by a line break.</summary>
/// <param name="Start">The index of the first code unit.</param>
/// <param name="End">The index one past the last code unit (line break excluded).</param>
/// <param name="Kind">What the block is: body text, title, heading or boilerplate.</param>
public readonly record struct Paragraph(int Start, int End, ParagraphKind Kind);
