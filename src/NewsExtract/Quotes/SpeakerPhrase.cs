namespace NewsExtract.Quotes;

/// <summary>The words of an attribution that name the speaker: tokens <c>First..Last</c> inclusive, and the head token.</summary>
internal readonly record struct SpeakerPhrase(int First, int Last, int Head, SpeakerPhraseKind Kind);
