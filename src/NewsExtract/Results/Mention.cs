namespace NewsExtract;

/// <summary>A span of text that names a person, organization or place.</summary>
/// <param name="Start">The index of the first code unit.</param>
/// <param name="End">The index one past the last code unit.</param>
/// <param name="Text">The text of the mention, equal to <c>text[Start..End]</c>.</param>
/// <param name="Type">The type of the entity named.</param>
/// <param name="EntityId">The <see cref="Entity.Id"/> of the entity this mention resolves to.</param>
/// <param name="Confidence">The model's confidence in the mention, from 0 to 1.</param>
public sealed record Mention(int Start, int End, string Text, EntityType Type, int EntityId, double Confidence);
