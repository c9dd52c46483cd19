namespace NewsExtract.Training.Ner;

/// <summary>An entity chunk: first token, token count and type name (PER, ORG, LOC, MISC...).</summary>
public readonly record struct ConllChunk(int FirstToken, int TokenCount, string Type);
