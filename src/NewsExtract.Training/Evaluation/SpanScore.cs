namespace NewsExtract.Training.Evaluation;

/// <summary>Precision, recall and F1 of predicted spans against gold spans (exact start and end).</summary>
/// <param name="Gold">The number of gold spans.</param>
/// <param name="System">The number of predicted spans.</param>
/// <param name="Correct">The number of predicted spans that equal a gold span.</param>
public readonly record struct SpanScore(int Gold, int System, int Correct)
{
    /// <summary>Gets the precision in percent.</summary>
    public double Precision => System == 0 ? 0 : 100.0 * Correct / System;

    /// <summary>Gets the recall in percent.</summary>
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;

    /// <summary>Gets the F1 score in percent.</summary>
    public double F1 => Gold + System == 0 ? 0 : 200.0 * Correct / (Gold + System);

    /// <summary>Adds two counts.</summary>
    /// <param name="other">The counts to add.</param>
    /// <returns>The sum.</returns>
    public SpanScore Add(SpanScore other) => new(Gold + other.Gold, System + other.System, Correct + other.Correct);
}
