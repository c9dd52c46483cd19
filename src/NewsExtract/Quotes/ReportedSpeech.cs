namespace NewsExtract.Quotes;

/// <summary>Reported content (offsets) with its cue (token range, end exclusive) and speaker phrase.</summary>
internal readonly record struct ReportedSpeech(int ContentStart, int ContentEnd, int CueFirst, int CueEnd, SpeakerPhrase? Phrase);
