using System.Buffers;

namespace NewsExtract.Entities;

/// <summary>First-order Viterbi decoding over BILOU tags with the tag-order constraints built in.</summary>
internal static class NerViterbi
{
    /// <summary>
    /// Decodes the best tag sequence of one sentence.
    /// </summary>
    /// <param name="emissions">Per-token label scores, <c>tokens x labels</c>.</param>
    /// <param name="labels">The number of labels.</param>
    /// <param name="transitions">Transition scores <c>(labels + 1) x labels</c>; row <c>labels</c> is the start row.</param>
    /// <param name="end">End scores per label.</param>
    /// <param name="tags">Receives one tag per token.</param>
    public static void Decode(ReadOnlySpan<float> emissions, int labels, ReadOnlySpan<float> transitions, ReadOnlySpan<float> end, Span<int> tags)
    {
        int n = tags.Length;
        if (n == 0)
        {
            return;
        }

        float[] score = ArrayPool<float>.Shared.Rent(n * labels);
        int[] back = ArrayPool<int>.Shared.Rent(n * labels);
        try
        {
            for (int l = 0; l < labels; l++)
            {
                score[l] = NerLabels.Allowed(-1, l) ? emissions[l] + transitions[(labels * labels) + l] : float.NegativeInfinity;
            }

            for (int t = 1; t < n; t++)
            {
                int row = t * labels;
                int prevRow = row - labels;
                for (int l = 0; l < labels; l++)
                {
                    float best = float.NegativeInfinity;
                    int arg = 0;
                    for (int p = 0; p < labels; p++)
                    {
                        float prev = score[prevRow + p];
                        if (float.IsNegativeInfinity(prev) || !NerLabels.Allowed(p, l))
                        {
                            continue;
                        }

                        float s = prev + transitions[(p * labels) + l];
                        if (s > best)
                        {
                            best = s;
                            arg = p;
                        }
                    }

                    score[row + l] = best + emissions[row + l];
                    back[row + l] = arg;
                }
            }

            int last = (n - 1) * labels;
            float top = float.NegativeInfinity;
            int tag = 0;
            for (int l = 0; l < labels; l++)
            {
                if (!NerLabels.CanEnd(l))
                {
                    continue;
                }

                float s = score[last + l] + end[l];
                if (s > top)
                {
                    top = s;
                    tag = l;
                }
            }

            for (int t = n - 1; t >= 0; t--)
            {
                tags[t] = tag;
                tag = back[(t * labels) + tag];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(score);
            ArrayPool<int>.Shared.Return(back);
        }
    }
}
