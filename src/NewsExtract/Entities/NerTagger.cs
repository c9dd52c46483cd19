using System.Buffers;

namespace NewsExtract.Entities;

/// <summary>
/// Runs a model over a document: the first pass, then (when the model has one) the second pass whose
/// features include the first pass's predictions across the document. Shared by the pipeline, the
/// evaluator and the trainer's dev scoring.
/// </summary>
internal static class NerTagger
{
    /// <summary>Tags every token of <paramref name="input"/>; <paramref name="confidence"/> receives the
    /// probability of each chosen tag under a softmax of its token's scores.</summary>
    public static void Tag(NerModel model, NerInput input, Span<int> tags, Span<float> confidence)
    {
        int n = input.Tokens.Length;
        int labels = model.Labels;
        float[] emissions = ArrayPool<float>.Shared.Rent(Math.Max(n, 1) * labels);
        tags.Clear();
        emissions.AsSpan(0, n * labels).Clear();
        try
        {
            using NerDocumentState state = model.Features.Prepare(input, default);
            for (int p = 0; p < model.Passes.Length; p++)
            {
                NerWeights weights = model.Passes[p];
                if (p > 0)
                {
                    // The second pass reuses the document's facts and adds the first pass's tags.
                    NerFeatureExtractor.SetFirstPass(state, tags);
                }

                Emissions(model.Features, state, weights, emissions);
                Decode(input, emissions, labels, weights.Transitions, weights.End, tags);
            }

            for (int i = 0; i < n && i < confidence.Length; i++)
            {
                confidence[i] = Probability(emissions.AsSpan(i * labels, labels), tags[i]);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(emissions);
        }
    }

    /// <summary>Computes the emission scores of every token (<c>tokens x labels</c>).</summary>
    public static void Emissions(NerFeatureExtractor features, NerDocumentState state, NerWeights weights, Span<float> emissions)
    {
        int labels = weights.Labels;
        Span<ulong> buffer = stackalloc ulong[NerFeatureExtractor.MaxFeatures];
        foreach (NerSentence sentence in state.Input.Sentences)
        {
            // Tokens outside sentences (boilerplate) are never tagged.
            for (int i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                int count = features.Extract(state, i, buffer);
                Span<float> scores = emissions.Slice(i * labels, labels);
                scores.Clear();
                weights.Score(buffer[..count], scores);
            }
        }
    }

    /// <summary>Viterbi-decodes each sentence of the document.</summary>
    public static void Decode(NerInput input, ReadOnlySpan<float> emissions, int labels, ReadOnlySpan<float> transitions, ReadOnlySpan<float> end, Span<int> tags)
    {
        foreach (NerSentence sentence in input.Sentences)
        {
            NerViterbi.Decode(
                emissions.Slice(sentence.FirstToken * labels, sentence.TokenCount * labels),
                labels,
                transitions,
                end,
                tags.Slice(sentence.FirstToken, sentence.TokenCount));
        }
    }

    /// <summary>The softmax mass of the chosen tag's class (all its B, I, L, U tags together, or O) among
    /// the token's label scores: how sure the model is of the type, whatever the position.</summary>
    private static float Probability(ReadOnlySpan<float> scores, int tag)
    {
        float max = float.NegativeInfinity;
        foreach (float s in scores)
        {
            max = Math.Max(max, s);
        }

        // Perceptron scores are not calibrated; the temperature spreads typical margins over (0.5, 1).
        const float Temperature = 4f;
        int cls = NerLabels.ClassOf(tag);
        float sum = 0;
        float chosen = 0;
        for (int l = 0; l < scores.Length; l++)
        {
            float p = MathF.Exp((scores[l] - max) / Temperature);
            sum += p;
            if (NerLabels.ClassOf(l) == cls)
            {
                chosen += p;
            }
        }

        return chosen / sum;
    }
}
