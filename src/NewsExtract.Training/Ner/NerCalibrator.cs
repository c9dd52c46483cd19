using NewsExtract.Entities;
using NewsExtract.Training.Evaluation;

namespace NewsExtract.Training.Ner;

/// <summary>
/// Fits the confidence calibration of a model on gold (dev) documents: the raw confidences of the
/// predicted public mentions are sorted and cut into bins of equal size; each bin's observed precision
/// (share of exactly right mentions) is made monotone by isotonic regression (pool adjacent
/// violators), and the bins' mean raw confidences with those precisions become the knots the runtime
/// interpolates between. Deterministic.
/// </summary>
internal static class NerCalibrator
{
    public static NerModel Calibrate(NerModel model, IEnumerable<IReadOnlyList<ConllDocument>> dev, int bins = 24)
    {
        var points = new List<(float Confidence, bool Correct)>();
        NerModel raw = model.WithCalibration([], []);
        foreach (IReadOnlyList<ConllDocument> documents in dev)
        {
            NerEvaluator.Evaluate(raw, documents, points, calibrated: false);
        }

        if (points.Count < bins * 10)
        {
            throw new CliException($"calibration needs at least {bins * 10} predicted mentions on the dev files; found {points.Count}");
        }

        points.Sort((a, b) => a.Confidence != b.Confidence ? a.Confidence.CompareTo(b.Confidence) : a.Correct.CompareTo(b.Correct));

        // Equal-count bins, never splitting equal confidences.
        var meanRaw = new List<double>();
        var precision = new List<double>();
        var weight = new List<double>();
        int start = 0;
        for (int b = 0; b < bins && start < points.Count; b++)
        {
            int end = b == bins - 1 ? points.Count : Math.Max(start + 1, (int)((long)points.Count * (b + 1) / bins));
            while (end < points.Count && points[end].Confidence == points[end - 1].Confidence)
            {
                end++;
            }

            double sum = 0;
            int correct = 0;
            for (int i = start; i < end; i++)
            {
                sum += points[i].Confidence;
                correct += points[i].Correct ? 1 : 0;
            }

            meanRaw.Add(sum / (end - start));
            precision.Add((double)correct / (end - start));
            weight.Add(end - start);
            start = end;
        }

        // Pool adjacent violators: merge neighbouring bins until precision does not fall as confidence rises.
        var blocks = new List<(double Raw, double Value, double Weight)>();
        for (int i = 0; i < meanRaw.Count; i++)
        {
            blocks.Add((meanRaw[i], precision[i], weight[i]));
            while (blocks.Count > 1 && blocks[^2].Value >= blocks[^1].Value)
            {
                (double r1, double v1, double w1) = blocks[^2];
                (double r2, double v2, double w2) = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (((r1 * w1) + (r2 * w2)) / (w1 + w2), ((v1 * w1) + (v2 * w2)) / (w1 + w2), w1 + w2);
            }
        }

        var x = new List<float>();
        var y = new List<float>();
        foreach ((double r, double v, _) in blocks)
        {
            float fx = (float)r;
            if (x.Count > 0 && !(fx > x[^1]))
            {
                continue;
            }

            x.Add(fx);
            y.Add((float)Math.Clamp(v, 0, 1));
        }

        return model.WithCalibration([.. x], [.. y]);
    }
}
