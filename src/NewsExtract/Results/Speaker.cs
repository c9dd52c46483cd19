using System.Diagnostics.CodeAnalysis;

namespace NewsExtract;

/// <summary>Who a quotation is attributed to.</summary>
/// <remarks>
/// Built by the analyzer; the public constructor and <c>init</c> accessors are for tests and deserialization.
/// In the JSON the mention's <c>start</c>, <c>end</c> and <c>text</c> are fields of the speaker itself
/// (../shared/CONTRACT.md), absent when <see cref="Mention"/> is <see langword="null"/>.
/// </remarks>
public sealed record Speaker
{
    /// <summary>Initializes an empty speaker; set <see cref="Name"/>.</summary>
    public Speaker()
    {
    }

    [SetsRequiredMembers]
    internal Speaker(int? entityId, string name, SpeakerMention? mention)
    {
        EntityId = entityId;
        Name = name;
        Mention = mention;
    }

    /// <summary>Gets the resolved entity's <see cref="Entity.Id"/>, or <see langword="null"/> when the speaker is not a known entity.</summary>
    public int? EntityId { get; init; }

    /// <summary>Gets the canonical name of the speaker.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Gets the words of the attribution that name the speaker (a name, pronoun or role noun), or
    /// <see langword="null"/> when the speaker is carried over from an earlier attribution.
    /// </summary>
    public SpeakerMention? Mention { get; init; }

    /// <summary>
    /// Gets how sure the attribution model is of this speaker, 0 to 1 (its probability among the quote's
    /// candidates, "no speaker" included), or <see langword="null"/> when no model scored it.
    /// </summary>
    public double? Confidence { get; init; }
}
