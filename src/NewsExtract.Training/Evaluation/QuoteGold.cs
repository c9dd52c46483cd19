namespace NewsExtract.Training.Evaluation;

/// <summary>One gold quote of the <c>eval quotes</c> input: its span, kind and the speaker's name (or none).</summary>
public sealed record QuoteGold(int Start, int End, string Kind, string? SpeakerName);
