namespace NewsExtract.Quotes;

/// <summary>One form of a speech verb: its words ("pointed", "out"), lemma, and whether it needs "that" for reported speech.</summary>
internal sealed record CueVerb(string[] Words, string Lemma, bool NeedsThat);
