namespace NewsExtract.Quotes;

/// <summary>
/// Reported content (offsets) with its cue (token range, end exclusive) and speaker phrase. <see cref="Loose"/> is
/// 0 for a candidate the strict rules accept, else the <see cref="LooseReason"/> bits of the rules it breaks
/// (such candidates exist only for the trained detector, which decides them).
/// </summary>
internal readonly record struct ReportedSpeech(int ContentStart, int ContentEnd, int CueFirst, int CueEnd, SpeakerPhrase? Phrase, int Loose = 0);

/// <summary>Which strict reported-speech rule a loose candidate breaks (bits of <see cref="ReportedSpeech.Loose"/>).</summary>
internal static class LooseReason
{
    /// <summary>The verb wants "that" ("noted that …") and none follows.</summary>
    public const int NoThat = 1;

    /// <summary>The content starts like a phrase, not a clause ("about", "to", "for" …).</summary>
    public const int NotClause = 2;

    /// <summary>The content starts with a number or symbol.</summary>
    public const int NumberStart = 4;

    /// <summary>A reporting verb followed by a noun phrase ("reported a drop"), without "that".</summary>
    public const int NounObject = 8;

    /// <summary>No speaker phrase starts the clause before the verb (or it does not agree with it).</summary>
    public const int NoSubject = 16;

    /// <summary>A participle after a comma (", saying …", ", adding …").</summary>
    public const int Participle = 32;

    /// <summary>The content before a parenthetical cue is shorter than the strict rules' three words ("Police, she says, have …").</summary>
    public const int ShortContent = 64;

    /// <summary>The sentence opens with an all-capitals section or link label ("ANALYSIS: Some experts say …").</summary>
    public const int AfterLabel = 128;

    /// <summary>The sentence also holds a quoted stretch that is a quote of its own; this reading lies outside it.</summary>
    public const int MarkedSentence = 256;

    /// <summary>
    /// No cue: an unmarked statement whose paragraph ends in a line that is only a person's name, the layout of a
    /// pull quote with its credit ("… constitute an emergency. Jane Doe").
    /// </summary>
    public const int NameLine = 512;

    /// <summary>The number of reason bits.</summary>
    public const int Count = 10;
}
