using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsExtract.Rendering;

namespace NewsExtract.Cli.Commands;

/// <summary>
/// The <c>index.html</c> of an HTML folder report: a table of the articles with links to their pages, and
/// the files that could not be analysed. Self-contained like the pages; names and paths are HTML-encoded.
/// </summary>
internal static class HtmlIndexPage
{
    private const string Css = """
        :root{color-scheme:light}
        body{margin:0 auto;max-width:1100px;padding:12px 16px 40px;color:#1b1b1b;background:#fff;font:15px/1.5 system-ui,sans-serif}
        h1{font-size:22px}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d4d4d4;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .src{color:#595959;font-size:13px;overflow-wrap:anywhere}
        a{color:#1f4fa8}
        @media (max-width:640px){th.n,td.n{padding:6px 4px}.src{display:block}}
        """;

    private static readonly string s_policy = "default-src 'none'; style-src 'sha256-"
        + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'; base-uri 'none'; form-action 'none'";

    public static string Render(IReadOnlyList<HtmlIndexEntry> entries, IReadOnlyList<string> failed)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
        w.Write(s_policy);
        w.Write("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
        w.Write("<title>NewsExtract: ");
        w.Write(entries.Count.ToString(CultureInfo.InvariantCulture));
        w.Write(entries.Count == 1 ? " article" : " articles");
        w.Write("</title>\n<style>");
        w.Write(Css);
        w.Write("</style>\n</head>\n<body>\n<h1>NewsExtract: ");
        w.Write(entries.Count.ToString(CultureInfo.InvariantCulture));
        w.Write(entries.Count == 1 ? " article" : " articles");
        w.Write("</h1>\n<table>\n<thead><tr><th>Article</th><th class=\"n\">Mentions</th><th class=\"n\">Entities</th><th class=\"n\">Quotes</th></tr></thead>\n<tbody>\n");
        foreach (HtmlIndexEntry entry in entries)
        {
            w.Write("<tr><td><a href=\"");
            HtmlText.Write(w, Href(entry.Page));
            w.Write("\">");
            HtmlText.Write(w, entry.Title is { Length: > 0 } title ? title : entry.Source);
            w.Write("</a> <span class=\"src\">");
            HtmlText.Write(w, entry.Source);
            w.Write("</span></td>");
            Cell(w, entry.Mentions);
            Cell(w, entry.Entities);
            Cell(w, entry.Quotes);
            w.Write("</tr>\n");
        }

        w.Write("</tbody>\n</table>\n");
        if (failed.Count > 0)
        {
            w.Write("<h2>Not analysed</h2>\n<ul>\n");
            foreach (string message in failed)
            {
                w.Write("<li>");
                HtmlText.Write(w, message);
                w.Write("</li>\n");
            }

            w.Write("</ul>\n");
        }

        w.Write("</body>\n</html>\n");
        return w.ToString();
    }

    /// <summary>A relative URL for a page path: each segment percent-encoded, '/' between segments.</summary>
    private static string Href(string page)
    {
        string[] segments = page.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return string.Join('/', segments);
    }

    private static void Cell(StringWriter w, int n)
    {
        w.Write("<td class=\"n\">");
        w.Write(n.ToString(CultureInfo.InvariantCulture));
        w.Write("</td>");
    }
}
