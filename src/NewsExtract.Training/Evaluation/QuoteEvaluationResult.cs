namespace NewsExtract.Training.Evaluation;

/// <summary>The scores of <c>eval quotes</c>: overall, per kind, and a list of the errors for analysis.</summary>
public sealed class QuoteEvaluationResult
{
    internal QuoteEvaluationResult(int articles, QuoteKindScore total, IReadOnlyDictionary<string, QuoteKindScore> byKind, IReadOnlyList<string> errors,
        IReadOnlyList<ReliabilityBin>? reliability = null)
    {
        Articles = articles;
        Total = total;
        ByKind = byKind;
        Errors = errors;
        Reliability = reliability ?? [];
    }

    /// <summary>
    /// Gets the reliability table: matched quotes with a named speaker and a confidence, in ten confidence bins
    /// ([0, 0.1), …, [0.9, 1]), with the mean confidence and the observed speaker accuracy of each.
    /// </summary>
    public IReadOnlyList<ReliabilityBin> Reliability { get; }

    /// <summary>Gets the expected calibration error in points: the count-weighted mean |accuracy − confidence| over the bins.</summary>
    public double CalibrationError
    {
        get
        {
            int n = 0;
            double sum = 0;
            foreach (ReliabilityBin bin in Reliability)
            {
                n += bin.Count;
                sum += bin.Count * Math.Abs(bin.Accuracy - bin.MeanConfidence);
            }

            return n == 0 ? 0 : 100.0 * sum / n;
        }
    }

    /// <summary>Gets the number of articles scored.</summary>
    public int Articles { get; }

    /// <summary>Gets the counts over all kinds.</summary>
    public QuoteKindScore Total { get; }

    /// <summary>Gets the counts per kind (Direct, Partial, Indirect).</summary>
    public IReadOnlyDictionary<string, QuoteKindScore> ByKind { get; }

    /// <summary>Gets one line per missed gold quote, spurious prediction and wrong speaker.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Gets the quote F1 in percent.</summary>
    public double QuoteF1 => Total.F1;

    /// <summary>Gets the speaker accuracy on matched quotes in percent.</summary>
    public double SpeakerAccuracy => Total.SpeakerAccuracy;

    /// <summary>Gets the end-to-end precision (quote matched and speaker right) in percent.</summary>
    public double EndToEndPrecision => QuoteKindScore.Percent(Total.SpeakerRight, Total.Predicted);

    /// <summary>Gets the end-to-end recall (quote matched and speaker right) in percent.</summary>
    public double EndToEndRecall => QuoteKindScore.Percent(Total.SpeakerRight, Total.Gold);

    /// <summary>Gets the end-to-end F1 in percent.</summary>
    public double EndToEndF1 => EndToEndPrecision + EndToEndRecall == 0 ? 0 : 2 * EndToEndPrecision * EndToEndRecall / (EndToEndPrecision + EndToEndRecall);
}

/// <summary>One bin of the reliability table: how many speakers fell in it, their mean confidence and how many were right.</summary>
/// <param name="Low">The bin's lower bound.</param>
/// <param name="High">The bin's upper bound.</param>
/// <param name="Count">The number of speakers.</param>
/// <param name="MeanConfidence">Their mean confidence (0..1).</param>
/// <param name="Right">How many were right.</param>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanConfidence, int Right)
{
    /// <summary>Gets the observed accuracy (0..1).</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Right / Count;
}
