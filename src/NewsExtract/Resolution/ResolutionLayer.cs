using NewsExtract.Internal;

namespace NewsExtract.Resolution;

/// <summary>
/// What the resolution stage adds to an analysis: the cleaned mentions, each with the index of the raw
/// tagger mention it came from, the same mentions typed by their entity, the entity of each mention,
/// and the entities with their names, aliases, roles and gender. Built once by
/// <see cref="EntityResolver.Resolve"/>; the raw mentions it refers to stay untouched in
/// <see cref="AnalysisDocument.RawMentions"/>.
/// </summary>
internal sealed class ResolutionLayer
{
    public ResolutionLayer(CleanMention[] cleaned, MentionInfo[] mentions, int[] mentionEntity, EntityInfo[] entities)
    {
        if (mentions.Length != cleaned.Length || mentionEntity.Length != cleaned.Length)
        {
            throw new ArgumentException("The cleaned mentions, resolved mentions and mention-entity map must be parallel.", nameof(mentions));
        }

        Cleaned = cleaned;
        Mentions = mentions;
        MentionEntity = mentionEntity;
        Entities = entities;
    }

    /// <summary>The layer of an analysis without mentions.</summary>
    public static ResolutionLayer Empty { get; } = new([], [], [], []);

    /// <summary>
    /// The cleaner's output in text order: the narrowed span, the role and gender the stripped words showed,
    /// whether a title vouches for a person, and <see cref="CleanMention.RawMention"/>, the index into
    /// the raw mentions it was cut from (one raw mention can give several: "Venezuela and Cuba").
    /// </summary>
    public CleanMention[] Cleaned { get; }

    /// <summary>The cleaned mentions with the type of their entity, so mentions and entities never disagree.</summary>
    public MentionInfo[] Mentions { get; }

    /// <summary>For each mention, the index into <see cref="Entities"/> of its entity.</summary>
    public int[] MentionEntity { get; }

    /// <summary>The entities, ordered by first mention; <see cref="EntityInfo.Id"/> is the index plus one.</summary>
    public EntityInfo[] Entities { get; }
}
