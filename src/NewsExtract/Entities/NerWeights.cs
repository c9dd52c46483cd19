using System.Numerics;
using System.Runtime.InteropServices;

namespace NewsExtract.Entities;

/// <summary>
/// The weights of one tagging pass: hashed feature rows with 8-bit weights and a per-row scale,
/// and the tag-transition scores (row <c>labels</c> holds the start scores; <see cref="End"/> the end scores).
/// </summary>
internal sealed class NerWeights
{
    private readonly NerLexicon _rows;
    private readonly float[] _dense;
    private readonly int _stride;

    public NerWeights(int labels, ulong[] keys, float[] scales, sbyte[] values, float[] transitions, float[] end)
    {
        if (scales.Length != keys.Length || values.Length != keys.Length * labels
            || transitions.Length != (labels + 1) * labels || end.Length != labels)
        {
            throw new InvalidDataException("Entity model weights have inconsistent sizes.");
        }

        Labels = labels;
        Keys = keys;
        Scales = scales;
        Values = values;
        Transitions = transitions;
        End = end;
        int[] rows = new int[keys.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        _rows = new NerLexicon(keys, rows);

        // Dequantized once, padded to whole vectors, so scoring is a few vector adds per feature.
        _stride = (labels + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        _dense = new float[keys.Length * _stride];
        for (int r = 0; r < keys.Length; r++)
        {
            for (int l = 0; l < labels; l++)
            {
                _dense[(r * _stride) + l] = scales[r] * values[(r * labels) + l];
            }
        }
    }

    public int Labels { get; }

    public ulong[] Keys { get; }

    public float[] Scales { get; }

    public sbyte[] Values { get; }

    public float[] Transitions { get; }

    public float[] End { get; }

    /// <summary>Quantizes float weights (<c>rows x labels</c>) to 8 bits per weight with a scale per row,
    /// dropping rows whose weights all round to zero.</summary>
    public static NerWeights Quantize(int labels, ulong[] keys, float[] weights, float[] transitions, float[] end)
    {
        var keptKeys = new List<ulong>(keys.Length);
        var keptScales = new List<float>(keys.Length);
        var keptValues = new List<sbyte>(keys.Length * labels);
        for (int r = 0; r < keys.Length; r++)
        {
            float max = 0;
            for (int l = 0; l < labels; l++)
            {
                max = Math.Max(max, Math.Abs(weights[(r * labels) + l]));
            }

            if (max < 1e-6f)
            {
                continue;
            }

            float scale = max / 127f;
            keptKeys.Add(keys[r]);
            keptScales.Add(scale);
            for (int l = 0; l < labels; l++)
            {
                keptValues.Add((sbyte)Math.Clamp(MathF.Round(weights[(r * labels) + l] / scale), -127, 127));
            }
        }

        // Sorted keys make the file deterministic and compress better.
        ulong[] sortedKeys = keptKeys.ToArray();
        int[] order = new int[sortedKeys.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sortedKeys, order);
        float[] scales = new float[order.Length];
        sbyte[] values = new sbyte[order.Length * labels];
        for (int i = 0; i < order.Length; i++)
        {
            scales[i] = keptScales[order[i]];
            for (int l = 0; l < labels; l++)
            {
                values[(i * labels) + l] = keptValues[(order[i] * labels) + l];
            }
        }

        return new NerWeights(labels, sortedKeys, scales, values, transitions, end);
    }

    /// <summary>Adds the weights of the given features to <paramref name="scores"/> (length <see cref="Labels"/>).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int stride = _stride;
        Span<float> sum = stackalloc float[stride];
        sum.Clear();
        Span<Vector<float>> acc = MemoryMarshal.Cast<float, Vector<float>>(sum);
        float[] dense = _dense;
        foreach (ulong feature in features)
        {
            if (_rows.TryGetValue(feature, out int row))
            {
                ReadOnlySpan<Vector<float>> w = MemoryMarshal.Cast<float, Vector<float>>(dense.AsSpan(row * stride, stride));
                for (int v = 0; v < acc.Length; v++)
                {
                    acc[v] += w[v];
                }
            }
        }

        for (int l = 0; l < scores.Length; l++)
        {
            scores[l] += sum[l];
        }
    }
}
