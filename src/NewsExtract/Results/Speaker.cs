namespace NewsExtract;

/// <summary>Who a quotation is attributed to.</summary>
/// <param name="EntityId">The resolved entity, or <see langword="null"/> when the speaker is not a known entity.</param>
/// <param name="Name">The canonical name of the speaker.</param>
/// <param name="Start">Start of the mention in the attribution (a name, pronoun or role noun); <see langword="null"/> when carried over from an earlier attribution.</param>
/// <param name="End">End of that mention, or <see langword="null"/>.</param>
/// <param name="Text">Text of that mention, or <see langword="null"/>.</param>
public sealed record Speaker(int? EntityId, string Name, int? Start, int? End, string? Text)
{
    /// <summary>
    /// Gets how sure the attribution model is of this speaker, 0 to 1 (its probability among the quote's
    /// candidates, "no speaker" included), or <see langword="null"/> when no model scored it.
    /// </summary>
    public double? Confidence { get; init; }
}
