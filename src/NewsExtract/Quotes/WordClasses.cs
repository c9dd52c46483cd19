using System.Collections.Frozen;

namespace NewsExtract.Quotes;

/// <summary>
/// Small closed word classes the attribution rules need (pronouns, determiners, auxiliaries, speaker
/// nouns). Written by hand for the quote stage; lookups are case-insensitive.
/// </summary>
internal static class WordClasses
{
    public static readonly FrozenSet<string> Pronouns = Set("he", "she", "they", "it", "i", "we");

    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "another", "one", "some",
        "many", "several", "other", "two", "three", "both", "each", "most", "few", "all");

    /// <summary>Words allowed between a subject and its speech verb ("he also said", "Trump has repeatedly said").</summary>
    public static readonly FrozenSet<string> Auxiliaries = Set(
        "has", "have", "had", "also", "later", "previously", "then", "would", "will", "is", "was", "are", "were", "been",
        "further", "again", "once", "just", "already", "often", "earlier", "since", "still", "did", "does", "do", "may",
        "might", "could", "can", "should", "never", "not", "first", "always", "even", "now", "quoted", "as");

    /// <summary>Capitalized words that start a sentence without being part of a name.</summary>
    public static readonly FrozenSet<string> LeadingFunctionWords = Set(
        "but", "and", "so", "yet", "however", "still", "meanwhile", "now", "then", "also", "in", "on", "at", "after",
        "before", "when", "while", "if", "as", "because", "though", "although", "earlier", "later", "instead", "indeed",
        "for", "with", "by", "from", "since", "until", "there", "here", "this", "that", "today", "yesterday", "last",
        "speaking", "asked", "writing", "separately", "finally", "again", "or", "unlike", "despite", "although", "analysis", "watch");

    /// <summary>Titles dropped from a speaker's name when no entity gives the canonical one.</summary>
    public static readonly FrozenSet<string> Titles = Set(
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen", "sen.", "rep", "rep.", "gov", "gov.", "prof", "prof.",
        "sir", "dame", "lord", "lady", "president", "premier", "minister", "mayor", "chief", "justice", "judge", "gen", "gen.",
        "sgt", "sgt.", "cpl", "cpl.", "const", "const.", "insp", "insp.", "supt", "supt.", "det", "det.", "lt", "lt.", "col", "col.",
        "capt", "capt.", "coach", "senator", "representative", "governor", "secretary", "councillor", "councilor", "chancellor",
        "pope", "rev", "rev.", "father", "officer", "constable", "inspector", "detective", "sergeant", "professor", "speaker",
        "attorney", "general", "deputy", "prime", "foreign", "leader", "ceo", "commissioner", "ambassador", "spokesman",
        "spokeswoman", "spokesperson", "director", "superintendent", "trustee", "dean", "principal", "mp", "mpp", "mla");

    /// <summary>Nouns that can head a speaker phrase without a name ("the minister", "police", "officials").</summary>
    public static readonly FrozenSet<string> SpeakerNouns = Set(
        "spokesman", "spokeswoman", "spokesperson", "minister", "official", "officials", "police", "authorities", "experts",
        "expert", "researchers", "researcher", "source", "sources", "critics", "critic", "lawyer", "lawyers", "attorney",
        "attorneys", "doctor", "doctors", "coach", "president", "director", "chief", "ceo", "agency", "ministry",
        "department", "government", "company", "city", "province", "prosecutor", "prosecutors", "officer", "officers",
        "spokespeople", "analyst", "analysts", "economist", "economists", "scientist", "scientists", "mayor", "premier",
        "leader", "leaders", "councillor", "councillors", "residents", "resident", "witness", "witnesses", "advocates",
        "advocate", "organizers", "organisers", "statement", "release", "report", "study", "lawsuit", "complaint", "suit",
        "documents", "document", "court", "judge", "board", "union", "association", "group", "family", "mother", "father",
        "wife", "husband", "son", "daughter", "sister", "brother", "owner", "manager", "chair", "chairman", "chairwoman",
        "founder", "executive", "secretary", "senator", "governor", "professor", "teacher", "teachers", "students", "student",
        "parents", "parent", "staff", "members", "member", "campaign", "administration", "kremlin", "military", "army",
        "ambassador", "diplomat", "diplomats", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "commission",
        "committee", "council", "network", "newspaper", "paper", "survey", "poll", "polls", "data", "figures", "researchers",
        "investigators", "investigator", "organization", "organisation", "firm", "bank", "team", "club", "league", "players",
        "player", "fans", "people", "voters", "republicans", "democrats", "conservatives", "liberals", "others", "citizens",
        "victims", "victim", "employees", "workers", "worker", "nurses", "nurse", "physician", "physicians", "judges",
        "office", "professor", "founder", "manager", "mayor", "coroner", "examiner", "spokesman", "representative", "representatives",
        "chairwoman", "president", "commissioner", "inspector", "sergeant", "constable", "detective", "captain", "organizer",
        "organiser", "official", "host", "author", "authors", "writer", "editor", "columnist", "publisher", "agent", "guide",
        "partner", "neighbour", "neighbor", "neighbours", "neighbors", "friend", "friends", "colleague", "colleagues");

    /// <summary>Nouns for documents that "say" things on someone's behalf.</summary>
    public static readonly FrozenSet<string> DocumentNouns = Set(
        "statement", "release", "report", "study", "lawsuit", "complaint", "suit", "document", "documents", "survey", "poll",
        "data", "figures", "letter", "post", "tweet", "email", "claim", "filing", "ruling", "decision", "website", "memo");

    /// <summary>Nouns that name a group or organization, referred to as "they" or "it".</summary>
    public static readonly FrozenSet<string> GroupNouns = Set(
        "police", "authorities", "officials", "experts", "researchers", "sources", "critics", "agency", "ministry",
        "department", "government", "company", "city", "province", "union", "association", "group", "board", "court",
        "committee", "council", "commission", "campaign", "administration", "team", "club", "league", "firm", "bank",
        "military", "army", "navy", "staff", "family", "network", "newspaper", "paper", "office", "organization",
        "organisation", "school", "university", "hospital", "district", "state", "county", "party", "coalition");

    /// <summary>Words that end a name when walking through capitalized words.</summary>
    public static readonly FrozenSet<string> NameConnectors = Set("of", "de", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "da", "del");

    /// <summary>Reporting adverbials allowed between a speech verb and its content ("said Wednesday that").</summary>
    public static readonly FrozenSet<string> TimeWords = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
        "recently", "earlier", "later", "previously", "also", "last", "this", "week", "month", "year", "morning",
        "afternoon", "evening", "night", "on", "in", "at", "during", "a", "an", "the", "statement", "interview",
        "release", "news", "conference", "email", "e-mail", "emailed", "written", "post", "posted", "phone",
        "telephone", "tweet", "video", "speech", "briefing", "call", "by", "via", "text", "message", "letter", "court",
        "hearing", "radio", "television", "podcast", "op-ed", "blog", "filing", "documents", "press", "report");

    private static FrozenSet<string> Set(params string[] words) => FrozenSet.ToFrozenSet(words, StringComparer.OrdinalIgnoreCase);
}
