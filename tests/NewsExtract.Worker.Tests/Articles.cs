namespace NewsExtract.Worker.Tests;

/// <summary>Small made-up articles, different for every index (people, places, quotes), deterministic.</summary>
internal static class Articles
{
    private static readonly string[] s_starts = ["Ma", "Lo", "Ke", "Ri", "Sa"];
    private static readonly string[] s_ends = ["ren", "tis", "vik", "lan", "dor"];
    private static readonly string[] s_cues = ["said", "told reporters", "added", "warned", "insisted"];

    public static string Id(int index) => "article-" + index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(int index)
    {
        string first = Name(index, 0);
        string last = Name(index, 1) + Name(index, 2).ToLowerInvariant();
        string other = Name(index, 3) + " " + Name(index, 4) + "son";
        string city = Name(index, 5) + "ia";
        string cue = s_cues[index % s_cues.Length];
        return $"{last} opens {index % 97 + 2} schools in {city}\n\n"
            + $"{first} {last}, the education minister, visited {city} on Monday. "
            + $"\"We will open {index % 97 + 2} new schools before the winter,\" {last} {cue}. "
            + $"{other} of the Teachers Union said that the budget was too small.\n";
    }

    /// <summary>The message body: the same shape as a line of <c>analyze --input jsonl</c>.</summary>
    public static byte[] Message(int index) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["id"] = Id(index),
        ["text"] = Text(index),
        ["source"] = "test",
        ["published"] = new DateTime(2026, 11, 1 + (index % 28), 12, 0, 0, DateTimeKind.Utc).ToString("O"),
    });

    private static string Name(int index, int salt)
    {
        int h = (int)((uint)((index + 1) * 2654435761u + (uint)salt * 40503u) % 25u);
        return s_starts[h / 5] + s_ends[h % 5];
    }
}
