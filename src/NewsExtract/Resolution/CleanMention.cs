using NewsExtract.Internal;

namespace NewsExtract.Resolution;

/// <summary>A mention after <see cref="MentionCleaner"/>, with what the cleaner learned from the words it removed.</summary>
/// <param name="Mention">The (possibly narrowed) mention.</param>
/// <param name="Role">The title or role stripped from its front ("russian deputy foreign minister"), lower case; or null.</param>
/// <param name="Gender">The gender shown by a stripped honorific (Mr, Mrs) or gendered title.</param>
/// <param name="PersonEvidence">A title or honorific stood in front of it, so it names a person whatever the tagger said.</param>
internal readonly record struct CleanMention(MentionInfo Mention, string? Role, PersonGender Gender, bool PersonEvidence)
{
    /// <summary>The index into <see cref="AnalysisDocument.RawMentions"/> of the tagger mention this one was cut from.</summary>
    public int RawMention { get; init; }
}
