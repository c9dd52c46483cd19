namespace NewsExtract.Training.Evaluation;

/// <summary>One article of the <c>eval quotes</c> input: its identifier, text and gold quotes.</summary>
public sealed record QuoteArticle(string Id, string Text, IReadOnlyList<QuoteGold> Quotes);
