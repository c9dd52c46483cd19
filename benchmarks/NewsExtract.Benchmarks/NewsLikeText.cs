using System.Text;

namespace NewsExtract.Benchmarks;

/// <summary>
/// Deterministic news-like text of any size: articles (title, paragraphs, quotes with speech verbs,
/// reported speech) about people drawn from a pool of 2,400 invented names, so that, as in real feeds,
/// the number of distinct entities keeps growing with the input.
/// </summary>
public static class NewsLikeText
{
    private static readonly string[] s_first =
    [
        "Maria", "James", "Aiko", "Oluwaseun", "Pavel", "Chen", "Fatima", "Lars", "Priya", "Diego", "Nora", "Kwame", "Elena",
        "Tomas", "Leila", "Hugo", "Amara", "Viktor", "Sofia", "Rahul", "Ingrid", "Mateo", "Yuki", "Samuel", "Hana", "Omar",
        "Clara", "Ibrahim", "Greta", "Felix", "Zara", "Anton", "Mei", "Paulo", "Astrid", "Dmitri", "Lucia", "Kofi", "Rosa", "Emil",
    ];

    private static readonly string[] s_last =
    [
        "Okafor", "Lindqvist", "Tanaka", "Moreau", "Brennan", "Kowalski", "Haddad", "Nguyen", "Castillo", "Whitfield", "Sato",
        "Ibsen", "Petrov", "Alvarez", "Mensah", "Schmidt", "Rossi", "Kaur", "Dubois", "Novak", "Jensen", "Costa", "Farouk",
        "Holm", "Ortega", "Yamamoto", "Byrne", "Kruger", "Silva", "Adeyemi", "Larsen", "Marsh", "Quinn", "Varga", "Weiss",
        "Zhou", "Ramos", "Fischer", "Hughes", "Baptiste", "Keller", "Lund", "Morales", "Nakamura", "Osei", "Park", "Reyes",
        "Sandoval", "Thorne", "Ueda", "Vance", "Wolfe", "Xu", "Young", "Ziegler", "Abbott", "Blake", "Carver", "Duarte", "Eklund",
    ];

    private static readonly string[] s_orgs =
    [
        "the Port Authority", "Northwind Energy", "the Ministry of Transport", "the Coastal Research Institute", "Harlow University",
        "the Farmers Union", "Meridian Bank", "the City Council", "Atlas Engineering", "the National Weather Agency",
    ];

    private static readonly string[] s_places =
    [
        "Valdora", "Port Ellis", "the Kessel Valley", "Northbridge", "Lake Amara", "Eastmoor", "Brightwater", "Glenholm", "Sorrento Bay", "Mirefield",
    ];

    private static readonly string[] s_verbs = ["said", "told reporters", "added", "warned", "insisted", "explained", "noted", "argued"];

    private static readonly string[] s_roles = ["spokeswoman", "chief executive", "minister", "professor", "mayor", "analyst"];

    private static readonly string[] s_words =
    [
        "the", "plan", "would", "cost", "more", "than", "expected", "and", "that", "residents", "were", "not", "consulted", "about",
        "new", "rules", "for", "river", "traffic", "in", "a", "year", "when", "prices", "rose", "sharply", "we", "will", "keep",
        "working", "on", "it", "this", "is", "an", "important", "step", "council", "vote", "next", "week", "budget", "million",
        "dollars", "nobody", "knows", "yet", "how", "long", "talks", "may", "last", "fair", "to", "say", "so", "barrier", "storm",
    ];

    /// <summary>Builds at least <paramref name="length"/> characters of articles separated by blank lines, cut at an article boundary or at the length.</summary>
    public static string Build(int length, int seed = 42)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(length + 4096);
        while (sb.Length < length)
        {
            AppendArticle(sb, random);
        }

        sb.Length = length;
        return sb.ToString();
    }

    /// <summary>Builds <paramref name="count"/> separate articles (for batch benchmarks).</summary>
    public static string[] BuildArticles(int count, int seed = 42)
    {
        var random = new Random(seed);
        var articles = new string[count];
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            AppendArticle(sb, random);
            articles[i] = sb.ToString();
        }

        return articles;
    }

    private static void AppendArticle(StringBuilder sb, Random random)
    {
        // Each article has its own cast: a few people, an organization and a place.
        string[] cast = new string[random.Next(2, 6)];
        for (int i = 0; i < cast.Length; i++)
        {
            cast[i] = Pick(s_first, random) + " " + Pick(s_last, random);
        }

        string org = Pick(s_orgs, random);
        string place = Pick(s_places, random);
        sb.Append(Capital(Clause(random, 4, 8))).Append(" in ").Append(place).Append("\n\n");
        int paragraphs = random.Next(4, 12);
        for (int p = 0; p < paragraphs; p++)
        {
            int sentences = random.Next(1, 4);
            for (int s = 0; s < sentences; s++)
            {
                string person = cast[random.Next(cast.Length)];
                string surname = person[(person.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                string verb = Pick(s_verbs, random);
                switch (random.Next(7))
                {
                    case 0:
                        sb.Append('\u201C').Append(Capital(Clause(random, 5, 16))).Append(",\u201D ").Append(surname).Append(' ').Append(verb).Append('.');
                        break;
                    case 1:
                        sb.Append('\u201C').Append(Capital(Clause(random, 5, 16))).Append(",\u201D said ").Append(person).Append(", ")
                            .Append(Pick(s_roles, random)).Append(" of ").Append(org).Append('.');
                        break;
                    case 2:
                        sb.Append(person).Append(' ').Append(verb).Append(" that ").Append(Clause(random, 6, 18)).Append('.');
                        break;
                    case 3:
                        sb.Append("According to ").Append(surname).Append(", ").Append(Clause(random, 6, 18)).Append('.');
                        break;
                    case 4:
                        sb.Append(Capital(org)).Append(" in ").Append(place).Append(" announced that ").Append(Clause(random, 6, 18)).Append('.');
                        break;
                    case 5:
                        sb.Append(surname).Append(" called the deal \u201C").Append(Clause(random, 2, 5)).Append("\u201D during a visit to ").Append(place).Append('.');
                        break;
                    default:
                        sb.Append(Capital(Clause(random, 8, 24))).Append('.');
                        break;
                }

                sb.Append(' ');
            }

            sb.Length--;
            sb.Append("\n\n");
        }
    }

    private static string Clause(Random random, int min, int max)
    {
        int count = random.Next(min, max + 1);
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Pick(s_words, random));
        }

        return sb.ToString();
    }

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
