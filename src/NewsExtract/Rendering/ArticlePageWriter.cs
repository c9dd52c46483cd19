using System.Globalization;

namespace NewsExtract.Rendering;

/// <summary>
/// Writes one article page: head, header with counts and legend, the annotated text
/// (<see cref="ArticlePageWriter"/>.Text.cs) and the side panel (<see cref="ArticlePageWriter"/>.Panel.cs).
/// </summary>
/// <remarks>
/// Everything that comes from the article or the analysis goes through <see cref="HtmlText"/>; only
/// fixed markup, numbers and class names chosen here are written raw. One instance writes one page.
/// </remarks>
internal sealed partial class ArticlePageWriter
{
    private readonly TextWriter _writer;
    private readonly string _text;
    private readonly ArticleAnalysis _analysis;
    private readonly Dictionary<int, Entity> _entities = [];

    public ArticlePageWriter(TextWriter writer, string text, ArticleAnalysis analysis)
    {
        _writer = writer;
        _text = text;
        _analysis = analysis;
        foreach (Entity entity in analysis.Entities)
        {
            _entities.TryAdd(entity.Id, entity);
        }
    }

    /// <summary>Throws when a span of <paramref name="analysis"/> does not fit <paramref name="text"/>.</summary>
    public static void Validate(string text, ArticleAnalysis analysis)
    {
        for (int i = 0; i < analysis.Paragraphs.Count; i++)
        {
            Check(text, analysis.Paragraphs[i].Start, analysis.Paragraphs[i].End, "paragraph", i);
        }

        for (int i = 0; i < analysis.Mentions.Count; i++)
        {
            Check(text, analysis.Mentions[i].Start, analysis.Mentions[i].End, "mention", i);
        }

        for (int i = 0; i < analysis.Quotes.Count; i++)
        {
            Quote quote = analysis.Quotes[i];
            Check(text, quote.Start, quote.End, "quote", i);
            if (quote.Speaker?.Mention is { Start: int start, End: int end })
            {
                Check(text, start, end, "speaker of quote", i);
            }

            if (quote.Cue is QuoteCue cue)
            {
                Check(text, cue.Start, cue.End, "cue of quote", i);
            }
        }
    }

    public void Write()
    {
        string title = _analysis.Title is { Length: > 0 } t ? "NewsExtract: " + t : "NewsExtract: article";
        Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        Raw(ArticlePageAssets.ContentSecurityPolicy);
        Raw("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        Raw("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"NewsExtract\">\n<title>");
        Encoded(title);
        Raw("</title>\n<style>");
        Raw(ArticlePageAssets.Css);
        Raw("</style>\n<script>");
        Raw(ArticlePageAssets.Script);
        Raw("</script>\n</head>\n<body>\n");
        WriteHeader();
        // No whitespace inside <article>: its text content is exactly the article text.
        Raw("<div class=\"layout\">\n<main>\n<article>");
        WriteText();
        Raw("</article>\n</main>\n<aside aria-label=\"Entities and quotes\">\n");
        WritePanel();
        Raw("</aside>\n</div>\n<div id=\"ne-status\" hidden></div>\n</body>\n</html>\n");
    }

    private void WriteHeader()
    {
        Raw("<header class=\"top\"><span class=\"brand\">NewsExtract</span><span class=\"stats\">");
        Raw(Count(_analysis.Mentions.Count, "mention"));
        Raw(" of ");
        Raw(Count(_analysis.Entities.Count, "entity", "entities"));
        Raw(" \u00B7 ");
        Raw(Count(_analysis.Quotes.Count, "quote"));
        Raw("</span>\n<div class=\"legend\">");
        Raw("<span><span class=\"lbl t-per\">PER</span> person</span>");
        Raw("<span><span class=\"lbl t-org\">ORG</span> organization</span>");
        Raw("<span><span class=\"lbl t-loc\">LOC</span> place</span>");
        Raw("<span><span class=\"badge\">Direct</span> whole sentences in quote marks</span>");
        Raw("<span><span class=\"badge\">Partial</span> quoted fragment</span>");
        Raw("<span><span class=\"badge\">Indirect</span> reported speech</span>");
        Raw("<span><b>bold</b> speaker in the attribution, <i>italic</i> speech verb</span>");
        Raw("</div></header>\n");
    }

    private static void Check(string text, int start, int end, string what, int index)
    {
        if (start < 0 || end < start || end > text.Length)
        {
            throw new ArgumentException(
                $"The analysis does not belong to this text: {what} {index} spans [{start}, {end}) but the text has {text.Length} characters.",
                "analysis");
        }
    }

    private static string TypeLabel(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "ENT",
    };

    private static string TypeClass(EntityType type) => type switch
    {
        EntityType.Person => "t-per",
        EntityType.Organization => "t-org",
        EntityType.Location => "t-loc",
        _ => "t-other",
    };

    private static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "Person",
        EntityType.Organization => "Organization",
        EntityType.Location => "Place",
        _ => "Entity",
    };

    private static string KindName(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "Direct",
        QuoteKind.Partial => "Partial",
        QuoteKind.Indirect => "Indirect",
        _ => "Quote",
    };

    private static string KindClass(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "k-direct",
        QuoteKind.Partial => "k-partial",
        QuoteKind.Indirect => "k-indirect",
        _ => "k-other",
    };

    private static string Count(int n, string singular, string? plural = null)
        => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Cuts a long text for the panel without splitting a surrogate pair.</summary>
    private static ReadOnlySpan<char> Shorten(ReadOnlySpan<char> s, int max, out bool cut)
    {
        cut = s.Length > max;
        if (!cut)
        {
            return s;
        }

        int length = max - 1;
        if (char.IsHighSurrogate(s[length - 1]))
        {
            length--;
        }

        return s[..length];
    }

    /// <summary>Writes fixed markup chosen by this class (never data).</summary>
    private void Raw(string markup) => _writer.Write(markup);

    /// <summary>Writes data: article text, names, anything from the analysis.</summary>
    private void Encoded(ReadOnlySpan<char> data) => HtmlText.Write(_writer, data);
}
