namespace NewsExtract.Tests.Resolution;

/// <summary>A gold mention of a clustering case: span, type, gold cluster label and tagger confidence.</summary>
internal sealed record GoldMention(int Start, int End, EntityType Type, string Cluster, float Confidence);
