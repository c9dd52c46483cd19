using NewsExtract.Text.Tokenization;

namespace NewsExtract.Text.Sentences;

/// <summary>Takes the decision at one candidate sentence boundary (the gap after a token).</summary>
internal interface ISentenceBoundaryDecider
{
    /// <summary>Whether a sentence ends after <paramref name="tokens"/>[<paramref name="index"/>].</summary>
    /// <param name="tokens">All tokens of the text.</param>
    /// <param name="index">The token before the gap.</param>
    /// <param name="features">The hashed features of the gap (<see cref="SentenceFeatures"/>).</param>
    bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features);
}
