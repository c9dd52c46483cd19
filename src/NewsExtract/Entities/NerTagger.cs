using System.Buffers;

namespace NewsExtract.Entities;

/// <summary>
/// Runs a model over a document: the first pass, then (when the model has one) the second pass whose
/// features include the first pass's predictions across the document. Shared by the pipeline, the
/// evaluator (and so the trainer's dev scoring) and the trainer's jackknife.
/// </summary>
internal static class NerTagger
{
    /// <summary>The longest run of tokens decoded at once.</summary>
    public const int MaxDecodeWindow = 2048;

    /// <summary>Tags every token of <paramref name="input"/>; <paramref name="confidence"/> receives, per
    /// token, the probability of the chosen tag's class under a softmax of the token's final-pass scores.</summary>
    public static void Tag(NerModel model, NerInput input, Span<int> tags, Span<float> confidence)
    {
        int labels = model.Labels;
        int longest = 1;
        foreach (NerSentence sentence in input.Sentences)
        {
            longest = Math.Max(longest, Math.Min(sentence.TokenCount, MaxDecodeWindow));
        }

        // Emission scores for one window at a time: memory stays bounded whatever the document's size.
        float[] emissions = ArrayPool<float>.Shared.Rent(longest * labels);
        tags.Clear();
        try
        {
            using NerDocumentState state = model.Features.Prepare(input, default);
            Span<ulong> buffer = stackalloc ulong[NerFeatureExtractor.MaxFeatures];
            for (int p = 0; p < model.Passes.Length; p++)
            {
                NerWeights weights = model.Passes[p];
                bool last = p == model.Passes.Length - 1;
                if (p > 0)
                {
                    // The second pass reuses the document's facts and adds the first pass's tags.
                    NerFeatureExtractor.SetFirstPass(state, tags);
                }

                foreach (NerSentence sentence in input.Sentences)
                {
                    // A pathological "sentence" (a huge text without breaks) is decoded in windows.
                    for (int offset = 0; offset < sentence.TokenCount; offset += MaxDecodeWindow)
                    {
                        int count = Math.Min(MaxDecodeWindow, sentence.TokenCount - offset);
                        int start = sentence.FirstToken + offset;
                        Span<float> window = emissions.AsSpan(0, count * labels);
                        window.Clear();
                        for (int t = 0; t < count; t++)
                        {
                            int n = model.Features.Extract(state, start + t, buffer);
                            weights.Score(buffer[..n], window.Slice(t * labels, labels));
                        }

                        NerViterbi.Decode(window, labels, weights.Transitions, weights.End, tags.Slice(start, count));
                        if (last && !confidence.IsEmpty)
                        {
                            for (int t = 0; t < count; t++)
                            {
                                confidence[start + t] = Probability(window.Slice(t * labels, labels), tags[start + t]);
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(emissions);
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
