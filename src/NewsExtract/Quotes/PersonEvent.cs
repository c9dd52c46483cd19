namespace NewsExtract.Quotes;

/// <summary>A point where a possible antecedent was named: offset, paragraph, entity index (-1: none) and name.</summary>
internal readonly record struct PersonEvent(int Offset, int Paragraph, int Entity, string Name, bool IsPerson, bool IsSubject);
