using System.Text;

namespace NewsExtract.Cli.Commands;

/// <summary>A readable plain-text summary: entities in a table, then quotes with their speakers.</summary>
internal static class TextReport
{
    public static string Render(ArticleAnalysis analysis, string? path)
    {
        var sb = new StringBuilder();
        if (path is not null)
        {
            sb.Append("== ").Append(path).Append('\n');
        }

        sb.Append("Title: ").Append(analysis.Title ?? "(none)").Append('\n');
        sb.Append($"{analysis.Sentences.Count} sentences, {analysis.Mentions.Count} mentions, {analysis.Entities.Count} entities, {analysis.Quotes.Count} quotes\n\n");
        sb.Append("ENTITIES\n");
        sb.Append($"{"id",4}  {"type",-12}  {"n",3}  name (aliases) [roles]\n");
        foreach (Entity e in analysis.Entities)
        {
            sb.Append($"{e.Id,4}  {e.Type,-12}  {e.MentionCount,3}  {e.Name}");
            if (e.Aliases.Count > 1)
            {
                sb.Append(" (").AppendJoin(", ", e.Aliases.Skip(1)).Append(')');
            }

            if (e.Roles.Count > 0)
            {
                sb.Append(" [").AppendJoin("; ", e.Roles).Append(']');
            }

            sb.Append('\n');
        }

        sb.Append("\nQUOTES\n");
        foreach (Quote q in analysis.Quotes)
        {
            string speaker = q.Speaker is null ? "(unknown)" : q.Speaker.Mention is null || q.Speaker.Mention.Text == q.Speaker.Name
                ? q.Speaker.Name : $"{q.Speaker.Name} (\"{q.Speaker.Mention.Text}\")";
            sb.Append($"- [{q.Kind}] {speaker}");
            if (q.Cue is not null)
            {
                sb.Append(" ~ ").Append(q.Cue.Text);
            }

            sb.Append(": \u201C").Append(Shorten(q.Text, 160)).Append("\u201D\n");
        }

        return sb.ToString();
    }

    private static string Shorten(string s, int max)
        => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "\u2026");
}
