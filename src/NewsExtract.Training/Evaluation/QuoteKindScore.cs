namespace NewsExtract.Training.Evaluation;

/// <summary>Counts for one quote kind (gold kind for recall and speakers, predicted kind for precision).</summary>
public sealed class QuoteKindScore
{
    /// <summary>Gets or sets the number of gold quotes of this kind.</summary>
    public int Gold { get; set; }

    /// <summary>Gets or sets the number of predicted quotes of this kind.</summary>
    public int Predicted { get; set; }

    /// <summary>Gets or sets the number of gold quotes of this kind matched by a prediction.</summary>
    public int MatchedGold { get; set; }

    /// <summary>Gets or sets the number of predictions of this kind that matched a gold quote.</summary>
    public int MatchedPredicted { get; set; }

    /// <summary>Gets or sets the number of matched gold quotes of this kind whose speaker was right.</summary>
    public int SpeakerRight { get; set; }

    /// <summary>Gets the precision in percent.</summary>
    public double Precision => Percent(MatchedPredicted, Predicted);

    /// <summary>Gets the recall in percent.</summary>
    public double Recall => Percent(MatchedGold, Gold);

    /// <summary>Gets the F1 in percent.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Gets the speaker accuracy on matched quotes in percent.</summary>
    public double SpeakerAccuracy => Percent(SpeakerRight, MatchedGold);

    internal static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
