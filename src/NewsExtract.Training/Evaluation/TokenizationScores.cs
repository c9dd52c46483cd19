namespace NewsExtract.Training.Evaluation;

/// <summary>The result of <see cref="TokenizationEvaluator"/>.</summary>
/// <param name="Tokens">Surface-token scores.</param>
/// <param name="Sentences">Sentence scores.</param>
/// <param name="Documents">The number of documents evaluated.</param>
/// <param name="SentenceErrors">Sentence-boundary errors per class, indexed like <see cref="TokenizationErrorClasses.Names"/> (empty when not counted).</param>
public sealed record TokenizationScores(SpanScore Tokens, SpanScore Sentences, int Documents, IReadOnlyList<int>? SentenceErrors = null);
