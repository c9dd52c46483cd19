namespace NewsExtract.Training.Evaluation;

/// <summary>The result of <see cref="TokenizationEvaluator"/>.</summary>
/// <param name="Tokens">Surface-token scores.</param>
/// <param name="Sentences">Sentence scores.</param>
/// <param name="Documents">The number of documents evaluated.</param>
public sealed record TokenizationScores(SpanScore Tokens, SpanScore Sentences, int Documents);
