using NewsExtract.Text.Tokenization;

namespace NewsExtract.Text.Sentences;

/// <summary>Takes the decision at one candidate sentence boundary (the gap after a token), in two stages.</summary>
internal interface ISentenceBoundaryDecider
{
    /// <summary>Whether the splitter computes the gate features and asks <see cref="NeedsFullFeatures"/> (otherwise every candidate goes to <see cref="Decide"/>).</summary>
    bool UsesGate { get; }

    /// <summary>
    /// The first stage: whether the candidate needs the full features (<see cref="Decide"/>); when it does
    /// not, <paramref name="split"/> is the decision.
    /// </summary>
    /// <param name="tokens">All tokens of the text.</param>
    /// <param name="index">The token before the gap.</param>
    /// <param name="gate">The gate features of the gap (<see cref="SentenceGate"/>).</param>
    /// <param name="split">The decision when the full features are not needed.</param>
    bool NeedsFullFeatures(Token[] tokens, int index, ReadOnlySpan<int> gate, out bool split);

    /// <summary>Whether a sentence ends after <paramref name="tokens"/>[<paramref name="index"/>].</summary>
    /// <param name="tokens">All tokens of the text.</param>
    /// <param name="index">The token before the gap.</param>
    /// <param name="features">The hashed features of the gap (<see cref="SentenceFeatures"/>).</param>
    bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features);
}
