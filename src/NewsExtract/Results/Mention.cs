using System.Diagnostics.CodeAnalysis;

namespace NewsExtract;

/// <summary>A span of text that names a person, organization or place.</summary>
/// <remarks>Built by the analyzer; the public constructor and <c>init</c> accessors are for tests and deserialization.</remarks>
public sealed record Mention
{
    /// <summary>Initializes an empty mention; set every required property.</summary>
    public Mention()
    {
    }

    [SetsRequiredMembers]
    internal Mention(int start, int end, string text, EntityType type, int entityId, double confidence)
    {
        Start = start;
        End = end;
        Text = text;
        Type = type;
        EntityId = entityId;
        Confidence = confidence;
    }

    /// <summary>Gets the index of the first code unit.</summary>
    public required int Start { get; init; }

    /// <summary>Gets the index one past the last code unit.</summary>
    public required int End { get; init; }

    /// <summary>Gets the text of the mention, equal to <c>text[Start..End]</c>.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the type of the entity named.</summary>
    public required EntityType Type { get; init; }

    /// <summary>Gets the <see cref="Entity.Id"/> of the entity this mention resolves to.</summary>
    public required int EntityId { get; init; }

    /// <summary>Gets the model's confidence in the mention, from 0 to 1.</summary>
    public required double Confidence { get; init; }
}
