namespace NewsExtract.Quotes;

/// <summary>A cue (tokens <c>CueFirst..CueLast</c>, or a mark such as a dash) and the phrase naming the speaker.</summary>
internal readonly record struct Attribution(int CueStart, int CueEnd, SpeakerPhrase Phrase);
