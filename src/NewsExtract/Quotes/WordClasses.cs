using System.Collections.Frozen;
using NewsExtract.Lexicons;
using NewsExtract.Resolution;

namespace NewsExtract.Quotes;

/// <summary>
/// Small closed word classes the attribution rules need (pronouns, determiners, auxiliaries, speaker
/// nouns), read once from the embedded lexicons (<c>Lexicons/*.txt</c>); lookups are case-insensitive.
/// </summary>
internal static class WordClasses
{
    /// <summary>Subject pronouns (lexicon <c>pronouns</c>).</summary>
    public static readonly FrozenSet<string> Pronouns = Set("pronouns");

    /// <summary>Determiners and quantifiers that open a noun phrase (lexicon <c>determiners</c>).</summary>
    public static readonly FrozenSet<string> Determiners = Set("determiners");

    /// <summary>Words allowed between a subject and its speech verb ("he also said", "Trump has repeatedly said"; lexicon <c>speech-auxiliaries</c>).</summary>
    public static readonly FrozenSet<string> Auxiliaries = Set("speech-auxiliaries");

    /// <summary>Capitalized words that start a sentence without being part of a name (lexicon <c>leading-function-words</c>).</summary>
    public static readonly FrozenSet<string> LeadingFunctionWords = Set("leading-function-words");

    /// <summary>Nouns that can head a speaker phrase without a name ("the minister", "police", "officials"; lexicon <c>speaker-nouns</c>, class <c>speaker</c>).</summary>
    public static readonly FrozenSet<string> SpeakerNouns = SpeakerNounClass("speaker");

    /// <summary>Nouns for documents that "say" things on someone's behalf (lexicon <c>speaker-nouns</c>, class <c>document</c>).</summary>
    public static readonly FrozenSet<string> DocumentNouns = SpeakerNounClass("document");

    /// <summary>Nouns that name a group or organization, referred to as "they" or "it" (lexicon <c>speaker-nouns</c>, class <c>group</c>).</summary>
    public static readonly FrozenSet<string> GroupNouns = SpeakerNounClass("group");

    /// <summary>Nouns for the people who act for a possessor or name before them ("the mayor's staff", "Surrey staff").</summary>
    public static readonly FrozenSet<string> RetinueNouns = SpeakerNounClass("retinue");

    /// <summary>A news outlet's common noun that ends its name ("the Sunday Telegraph newspaper"; lexicon <c>speaker-nouns</c>, class <c>outlet</c>).</summary>
    public static readonly FrozenSet<string> OutletNouns = SpeakerNounClass("outlet");

    /// <summary>
    /// Lower-case words that join the capitalized words of one name ("Ludwig van Beethoven", "Bank of
    /// Canada"): the resolution stage's surname particles (lexicon <c>name-particles</c>) and "of".
    /// </summary>
    public static readonly FrozenSet<string> NameConnectors = FrozenSet.ToFrozenSet(
        [.. ResolutionLexicons.Default.NameParticles, "of"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reporting adverbials allowed between a speech verb and its content ("said Wednesday that"; lexicon <c>reporting-adverbials</c>).</summary>
    public static readonly FrozenSet<string> TimeWords = Set("reporting-adverbials");

    /// <summary>Conjunctions and relative words after which a clause with its own subject starts (lexicon <c>clause-subordinators</c>).</summary>
    public static readonly FrozenSet<string> Subordinators = Set("clause-subordinators");

    /// <summary>Nouns for the medium of a statement ("said in televised remarks that"; lexicon <c>speech-media-nouns</c>).</summary>
    public static readonly FrozenSet<string> MediaNouns = Set("speech-media-nouns");

    /// <summary>Words that end a speaker phrase (lexicon <c>speaker-phrase-breakers</c>).</summary>
    public static readonly FrozenSet<string> SpeakerPhraseBreakers = Set("speaker-phrase-breakers");

    /// <summary>Speech-verb lemmas that take the addressee as object before the content ("told reporters that"; lexicon <c>cue-verbs-person-object</c>).</summary>
    public static readonly FrozenSet<string> PersonObjectVerbs = Set("cue-verbs-person-object");

    /// <summary>Speech-verb lemmas whose plain noun object is no reported speech without "that" ("added a goal"; lexicon <c>cue-verbs-noun-object</c>).</summary>
    public static readonly FrozenSet<string> NounObjectVerbs = Set("cue-verbs-noun-object");

    /// <summary>First-person pronouns and possessives (lexicon <c>first-person-words</c>), a feature of the quote detector.</summary>
    public static readonly FrozenSet<string> FirstPerson = Set("first-person-words");

    private static FrozenSet<string> Set(string lexicon)
    {
        var words = new List<string>();
        foreach (string entry in LexiconRegistry.Get(lexicon).Entries)
        {
            words.Add(Lexicon.Key(entry));
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenSet<string> SpeakerNounClass(string wordClass)
    {
        var words = new List<string>();
        foreach (string entry in LexiconRegistry.Get("speaker-nouns").Entries)
        {
            string[] columns = Lexicon.Columns(entry);
            if (columns.Length > 1 && Array.IndexOf(columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), wordClass) >= 0)
            {
                words.Add(columns[0]);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
