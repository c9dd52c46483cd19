namespace NewsExtract.Tests.Resolution;

/// <summary>One case of ClusteringCases.json: a text, its gold mentions and expected canonical names by cluster.</summary>
internal sealed record ClusteringCase(string Id, string Split, string Text, List<GoldMention> Mentions, Dictionary<string, string> Names);
