using System.Globalization;
using NewsExtract.Entities;

namespace NewsExtract.Training.Ner;

/// <summary>
/// Averages the weights of several entity models trained on the same data, features and knowledge (for
/// example the same recipe with different seeds) into one model: feature by feature, pass by pass, a
/// feature a model lacks counting as zero there, and the transition and end scores likewise. Everything
/// else (classes, number of passes, word clusters, gazetteer tables) must be identical across the inputs.
/// With <c>firstPassOnly</c> the result keeps only the first pass (the inputs must still agree on their passes).
/// The result carries no calibration (fit it with <see cref="NerCalibrator"/>). Deterministic: the same
/// inputs in the same order give the same model, bit for bit.
/// </summary>
internal static class NerModelAverager
{
    public static NerModel Average(IReadOnlyList<NerModel> models, IReadOnlyList<string>? names = null, bool firstPassOnly = false)
    {
        if (models.Count < 2)
        {
            throw new CliException("averaging needs at least two models");
        }

        NerModel first = models[0];
        for (int m = 1; m < models.Count; m++)
        {
            string name = names is not null && m < names.Count ? names[m] : "model " + (m + 1).ToString(CultureInfo.InvariantCulture);
            string firstName = names is not null && names.Count > 0 ? names[0] : "model 1";
            NerModel other = models[m];
            Require(first.Classes.AsSpan().SequenceEqual(other.Classes), "classes", name, firstName);
            Require(first.Passes.Length == other.Passes.Length, "number of passes", name, firstName);
            Require(first.ClusterKeys.AsSpan().SequenceEqual(other.ClusterKeys) && first.ClusterCodes.AsSpan().SequenceEqual(other.ClusterCodes), "word clusters", name, firstName);
            Require(first.GazetteerCategories.AsSpan().SequenceEqual(other.GazetteerCategories), "gazetteer categories", name, firstName);
            Require(first.GazetteerKeys.AsSpan().SequenceEqual(other.GazetteerKeys) && first.GazetteerMasks.AsSpan().SequenceEqual(other.GazetteerMasks), "gazetteer table", name, firstName);
        }

        var passes = new NerWeights[firstPassOnly ? 1 : first.Passes.Length];
        for (int p = 0; p < passes.Length; p++)
        {
            var pass = new NerWeights[models.Count];
            for (int m = 0; m < models.Count; m++)
            {
                pass[m] = models[m].Passes[p];
            }

            passes[p] = AveragePass(pass);
        }

        return new NerModel(
            first.Classes,
            Describe(models),
            passes,
            first.ClusterKeys,
            first.ClusterCodes,
            first.GazetteerCategories,
            first.GazetteerKeys,
            first.GazetteerMasks);
    }

    /// <summary>The mean absolute weight of a pass (a diagnostic: models of one recipe have similar scales).</summary>
    public static double MeanAbsoluteWeight(NerWeights pass)
    {
        double sum = 0;
        for (int r = 0; r < pass.Keys.Length; r++)
        {
            for (int l = 0; l < pass.Labels; l++)
            {
                sum += Math.Abs(pass.Scales[r] * pass.Values[(r * pass.Labels) + l]);
            }
        }

        return pass.Keys.Length == 0 ? 0 : sum / ((double)pass.Keys.Length * pass.Labels);
    }

    /// <summary>The mean of one pass's weights over the models (keys: the sorted union), quantized again.</summary>
    private static NerWeights AveragePass(NerWeights[] passes)
    {
        int labels = passes[0].Labels;
        int n = passes.Length;

        // The sorted union of the keys (each pass's keys are sorted): a k-way merge.
        int[] position = new int[n];
        var keys = new List<ulong>(passes[0].Keys.Length);
        while (true)
        {
            bool any = false;
            ulong next = ulong.MaxValue;
            for (int m = 0; m < n; m++)
            {
                ulong[] k = passes[m].Keys;
                if (position[m] < k.Length && (!any || k[position[m]] < next))
                {
                    next = k[position[m]];
                    any = true;
                }
            }

            if (!any)
            {
                break;
            }

            keys.Add(next);
            for (int m = 0; m < n; m++)
            {
                ulong[] k = passes[m].Keys;
                if (position[m] < k.Length && k[position[m]] == next)
                {
                    position[m]++;
                }
            }
        }

        ulong[] union = [.. keys];
        double[] sum = new double[union.Length * labels];
        for (int m = 0; m < n; m++)
        {
            NerWeights w = passes[m];
            int row = 0;
            for (int r = 0; r < w.Keys.Length; r++)
            {
                // Keys are sorted and a subset of the union, so a forward scan finds each row.
                while (union[row] != w.Keys[r])
                {
                    row++;
                }

                float scale = w.Scales[r];
                for (int l = 0; l < labels; l++)
                {
                    sum[(row * labels) + l] += scale * w.Values[(r * labels) + l];
                }
            }
        }

        float[] mean = new float[sum.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            mean[i] = (float)(sum[i] / n);
        }

        return NerWeights.Quantize(labels, union, mean, Mean(passes, p => p.Transitions), Mean(passes, p => p.End));
    }

    private static float[] Mean(NerWeights[] passes, Func<NerWeights, float[]> table)
    {
        float[] result = new float[table(passes[0]).Length];
        for (int i = 0; i < result.Length; i++)
        {
            double s = 0;
            foreach (NerWeights pass in passes)
            {
                s += table(pass)[i];
            }

            result[i] = (float)(s / passes.Length);
        }

        return result;
    }

    /// <summary>"…; seeds 1, 2, 3 (weights averaged)" when the inputs differ only in their seed, else the descriptions joined.</summary>
    private static string Describe(IReadOnlyList<NerModel> models)
    {
        const string SeedMark = "; seed ";
        string? common = null;
        var seeds = new List<string>(models.Count);
        foreach (NerModel model in models)
        {
            int at = model.Description.LastIndexOf(SeedMark, StringComparison.Ordinal);
            string head = at < 0 ? model.Description : model.Description[..at];
            if (at < 0 || (common is not null && common != head))
            {
                common = null;
                seeds.Clear();
                break;
            }

            common = head;
            seeds.Add(model.Description[(at + SeedMark.Length)..]);
        }

        string count = models.Count.ToString(CultureInfo.InvariantCulture);
        return common is not null
            ? $"{common}; seeds {string.Join(", ", seeds)} (weights of {count} models averaged)"
            : $"weights of {count} models averaged: {string.Join(" | ", models.Select(m => m.Description))}";
    }

    private static void Require(bool same, string what, string name, string firstName)
    {
        if (!same)
        {
            throw new CliException($"cannot average: {name} has other {what} than {firstName} (the models must come from the same data, gazetteers and clusters)");
        }
    }
}
