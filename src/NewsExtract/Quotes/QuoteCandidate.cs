namespace NewsExtract.Quotes;

/// <summary>A quote found before speakers are resolved: span, kind, its own attribution (if any) and whether it may carry the previous speaker.</summary>
internal sealed class QuoteCandidate
{
    public QuoteCandidate(int start, int end, QuoteKind kind, int paragraph)
    {
        Start = start;
        End = end;
        Kind = kind;
        Paragraph = paragraph;
    }

    public int Start { get; }

    public int End { get; }

    public QuoteKind Kind { get; }

    public int Paragraph { get; }

    public Attribution? Attribution { get; set; }

    /// <summary>The <see cref="LooseReason"/> bits when the candidate breaks a strict rule (0: a strict candidate).</summary>
    public int Loose { get; init; }

    /// <summary>A cue without a speaker phrase (offsets), when only the verb was found.</summary>
    public int CueStart { get; init; }

    /// <summary>The end of that cue.</summary>
    public int CueEnd { get; init; }

    /// <summary>Set for a quote that opens its paragraph with no cue of its own: it continues the previous speaker.</summary>
    public bool MayCarry { get; set; }

    /// <summary>Set when the quote is still open at its paragraph end (multi-paragraph quotation).</summary>
    public bool OpenAtEnd { get; set; }

    /// <summary>Set when the previous paragraph's quote was left open and this one continues it.</summary>
    public bool Continues { get; set; }

    /// <summary>Another candidate of the same paragraph whose attribution this one shares.</summary>
    public QuoteCandidate? SharesWith { get; set; }

    public Speaker? Speaker { get; set; }

    public PersonEvent? SpeakerEvent { get; set; }
}
