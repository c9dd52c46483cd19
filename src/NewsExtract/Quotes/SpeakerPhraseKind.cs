namespace NewsExtract.Quotes;

/// <summary>What kind of words name a speaker in an attribution.</summary>
internal enum SpeakerPhraseKind
{
    /// <summary>A capitalized name ("Riabkov", "Sen. Jane Doe", "the Kremlin").</summary>
    Name = 0,

    /// <summary>A personal pronoun ("he", "they").</summary>
    Pronoun = 1,

    /// <summary>A common-noun phrase: a role or group ("the minister", "police", "officials").</summary>
    Nominal = 2,
}
