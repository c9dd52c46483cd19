using CsCheck;

namespace NewsExtract.Tests.Reliability;

/// <summary>
/// Generates news-like articles: a title, paragraphs of reporter sentences, direct, partial and
/// indirect quotes with speech verbs, and a share of damage (unclosed quotes, missing speakers).
/// The names are invented combinations from small pools; none comes from an evaluation text.
/// </summary>
internal static class NewsText
{
    private static readonly string[] s_first = ["Maria", "James", "Aiko", "Oluwaseun", "Pavel", "Chen", "Fatima", "Lars", "Priya", "Diego", "Nora", "Kwame"];
    private static readonly string[] s_last = ["Okafor", "Lindqvist", "Tanaka", "Moreau", "Brennan", "Kowalski", "Haddad", "Nguyen", "Castillo", "Whitfield", "Sato", "Ibrahim"];
    private static readonly string[] s_orgs = ["the Port Authority", "Northwind Energy", "the Ministry of Transport", "the Coastal Research Institute", "Harlow University", "the Farmers Union", "Meridian Bank"];
    private static readonly string[] s_places = ["Valdora", "Port Ellis", "the Kessel Valley", "Northbridge", "Lake Amara", "Eastmoor", "Brightwater"];
    private static readonly string[] s_roles = ["spokeswoman", "chief executive", "minister", "professor", "mayor", "analyst", "union leader"];
    private static readonly string[] s_verbs = ["said", "told reporters", "added", "warned", "insisted", "explained", "noted", "argued"];
    private static readonly string[] s_words =
    [
        "the", "plan", "would", "cost", "more", "than", "expected", "and", "that", "residents", "were", "not", "consulted", "about",
        "new", "rules", "for", "river", "traffic", "in", "a", "year", "when", "prices", "rose", "sharply", "we", "will", "keep",
        "working", "on", "it", "this", "is", "an", "important", "step", "council", "vote", "next", "week", "budget", "million",
        "dollars", "nobody", "knows", "yet", "how", "long", "talks", "may", "last", "is", "it", "fair", "to", "say", "so",
    ];

    public static readonly Gen<string> FullName = Gen.Select(Gen.OneOfConst(s_first), Gen.OneOfConst(s_last), (f, l) => f + " " + l);

    /// <summary>A person as a reporter refers to them: full name, surname, title and surname, or a pronoun.</summary>
    public static readonly Gen<string> Person = Gen.Frequency(
        (5, FullName),
        (3, Gen.OneOfConst(s_last)),
        (1, Gen.OneOfConst(s_last).Select(l => "Ms. " + l)),
        (1, Gen.OneOfConst("he", "she", "they")));

    public static readonly Gen<string> Clause = Gen.OneOfConst(s_words).Array[3, 16].Select(words => string.Join(' ', words));

    public static readonly Gen<string> Organization = Gen.OneOfConst(s_orgs);

    public static readonly Gen<string> Place = Gen.OneOfConst(s_places);

    /// <summary>One sentence (or two, for a quote that runs on) in one of the shapes news articles use.</summary>
    public static readonly Gen<string> Sentence = Gen.OneOf(
        Gen.Select(Person, Gen.OneOfConst(s_verbs), Clause, (p, v, c) => $"{Capital(p)} {v} that {c}."),
        Gen.Select(Clause, Person, Gen.OneOfConst(s_verbs), (c, p, v) => $"\u201C{Capital(c)},\u201D {p} {v}."),
        Gen.Select(Clause, FullName, Gen.OneOfConst(s_roles), Organization, (c, p, r, o) => $"\u201C{Capital(c)},\u201D said {p}, {r} of {o}."),
        Gen.Select(Clause, Person, Clause, (c1, p, c2) => $"\"{Capital(c1)}.\" {Capital(p)} added: \"{Capital(c2)}.\""),
        Gen.Select(Person, Clause, Place, (p, c, pl) => $"{Capital(p)} called the deal \u201C{c}\u201D during a visit to {pl}."),
        Gen.Select(Person, Clause, (p, c) => $"According to {p}, {c}."),
        Gen.Select(Organization, Place, Clause, (o, pl, c) => $"{Capital(o)} in {pl} announced on Monday that {c}."),
        Gen.Select(Clause, Person, (c, p) => $"\u201C{Capital(c)}, {p} said."),
        Gen.Select(Clause, Clause, (c1, c2) => $"{Capital(c1)} \u2014 {c2}?"),
        Gen.Select(Clause, (c) => $"\u201C{Capital(c)}!\u201D"));

    public static readonly Gen<string> Paragraph = Sentence.Array[1, 5].Select(s => string.Join(' ', s));

    /// <summary>A whole article: title, blank line, paragraphs, sometimes a boilerplate line.</summary>
    public static readonly Gen<string> Article = Gen.Select(
        Gen.Select(Clause, Place, (c, p) => $"{Capital(c)} in {p}"),
        Paragraph.Array[1, 12],
        Gen.OneOfConst("\n\n", "\n", "\r\n\r\n"),
        Gen.OneOfConst(string.Empty, "\nShare this article", "\nRead more: other stories"),
        (title, paragraphs, separator, tail) => title + separator + string.Join(separator, paragraphs) + tail);

    /// <summary>One paragraph of many kilobytes, with no line break at all.</summary>
    public static Gen<string> HugeParagraph(int minSentences, int maxSentences)
        => Sentence.Array[minSentences, maxSentences].Select(s => string.Join(' ', s));

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
