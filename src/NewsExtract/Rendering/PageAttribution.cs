namespace NewsExtract.Rendering;

/// <summary>A speaker mention or cue in the text, shared by every quote attributed through it.</summary>
/// <param name="Start">The first code unit.</param>
/// <param name="End">One past the last code unit.</param>
/// <param name="IsCue">Whether this is a cue (otherwise a speaker mention).</param>
/// <param name="QuoteIds">The indices of the quotes, separated by spaces.</param>
internal readonly record struct PageAttribution(int Start, int End, bool IsCue, string QuoteIds);
