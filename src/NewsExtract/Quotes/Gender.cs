namespace NewsExtract.Quotes;

/// <summary>The grammatical gender a name or pronoun signals, for pronoun agreement.</summary>
internal enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
