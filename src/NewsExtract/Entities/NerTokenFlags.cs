namespace NewsExtract.Entities;

/// <summary>Orthographic and positional facts about one token.</summary>
[Flags]
internal enum NerTokenFlags : byte
{
    None = 0,
    Capitalized = 1,
    AllCaps = 2,
    HasLetter = 4,
    HasDigit = 8,
    AllLower = 16,
    Headline = 32,
    SentenceInitial = 64,
    Punctuation = 128,
}
