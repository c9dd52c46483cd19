namespace NewsExtract.Training.Evaluation;

/// <summary>The scores of <c>eval quotes</c>: overall, per kind, and a list of the errors for analysis.</summary>
public sealed class QuoteEvaluationResult
{
    internal QuoteEvaluationResult(int articles, QuoteKindScore total, IReadOnlyDictionary<string, QuoteKindScore> byKind, IReadOnlyList<string> errors)
    {
        Articles = articles;
        Total = total;
        ByKind = byKind;
        Errors = errors;
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
