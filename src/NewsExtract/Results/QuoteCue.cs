namespace NewsExtract;

/// <summary>The word or words that introduce speech ("said", "pointed out", "according to").</summary>
/// <param name="Start">The index of the first code unit.</param>
/// <param name="End">The index one past the last code unit.</param>
/// <param name="Text">The cue text.</param>
public sealed record QuoteCue(int Start, int End, string Text);
