using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CsCheck;
using NewsExtract.Rendering;

namespace NewsExtract.Tests.Rendering;

public sealed class ArticleHtmlRendererTests
{
    private static readonly ArticleAnalyzer s_analyzer = ArticleAnalyzer.CreateDefault();

    // Everything the renderer itself writes; anything else in a page came from the input.
    private static readonly HashSet<string> s_ownElements =
    [
        "html", "head", "meta", "title", "style", "script", "body", "header", "span", "div", "main", "article",
        "h1", "h2", "h3", "p", "mark", "a", "aside", "section", "ul", "ol", "li", "button", "b", "i",
    ];

    private static readonly HashSet<string> s_ownAttributes =
    [
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "title", "href", "hidden", "type",
        "aria-pressed", "aria-label", "data-m", "data-e", "data-q",
    ];

    private const string Hostile =
        "<script>alert(1)</script> \"><img src=x onerror=alert(2)> '><svg onload=alert(3)>\n\n"
        + "Anna Smith said \u201C</style><style>body{display:none}</style>\u201D and </script><script>alert(4)</script>.\n\n"
        + "<!-- comment --> <![CDATA[ x ]]> &amp; &lt;b&gt; javascript:alert(5) \u202Eevil\u202C \u0000nul \u0007bell \u0085nel"
        + " \uFFFE nonchar \uD83D\uDE00 pair \uD800 lone high \uDC00 lone low \r\n crlf \u2028 ls.\n\n"
        + "<title>x</title><base href=\"http://evil/\"><meta http-equiv=\"refresh\" content=\"0;url=http://evil/\">";

    [Fact]
    public void Render_SampleArticle_ElementCountsMatchAnalysis()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);
        Assert.NotEmpty(analysis.Mentions);
        Assert.NotEmpty(analysis.Quotes);

        var page = new RenderedPage(ArticleHtmlRenderer.Render(text, analysis));

        Assert.Empty(page.Errors);
        Assert.Equal(analysis.Mentions.Count, page.Mentions.Count);
        Assert.Equal(analysis.Quotes.Count, page.Quotes.Count);
        Assert.Equal(analysis.Quotes.Count, page.Count("main .badge"));
        Assert.Equal(analysis.Entities.Count, page.Count("aside .ent"));
        Assert.Equal(text, RenderedPage.TextOf(page.Article));
        for (int i = 0; i < analysis.Mentions.Count; i++)
        {
            Assert.Equal(analysis.Mentions[i].Text, RenderedPage.TextOf(page.Mentions[i]));
            Assert.Single(page.Mentions[i][^1].QuerySelectorAll(".lbl"));
        }

        for (int i = 0; i < analysis.Quotes.Count; i++)
        {
            Assert.Equal(analysis.Quotes[i].Text, RenderedPage.TextOf(page.Quotes[i]));
            Assert.Equal("q-" + i, page.Quotes[i][0].Id);
        }
    }

    [Fact]
    public void Render_SampleArticle_SpeakerBadgesLinkToEntities()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);
        var page = new RenderedPage(ArticleHtmlRenderer.Render(text, analysis));

        var ids = analysis.Entities.Select(e => e.Id).ToHashSet();
        int linked = analysis.Quotes.Count(q => q.Speaker?.EntityId is int id && ids.Contains(id));
        IHtmlCollection<IElement> links = page.Document.QuerySelectorAll("main a.badge");
        Assert.Equal(linked, links.Length);
        foreach (IElement link in links)
        {
            string target = link.GetAttribute("href")!;
            Assert.StartsWith("#e-", target, StringComparison.Ordinal);
            Assert.NotNull(page.Document.GetElementById(target[1..]));
        }

        foreach (Entity entity in analysis.Entities)
        {
            IElement item = page.Document.GetElementById("e-" + entity.Id)!;
            Assert.Contains(entity.Name, item.TextContent, StringComparison.Ordinal);
            Assert.Contains($"{entity.MentionCount} mention", item.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_HostileText_NothingFromTheTextBecomesMarkup()
    {
        string text = Hostile;
        ArticleAnalysis analysis = HostileAnalysis(text);

        string html = ArticleHtmlRenderer.Render(text, analysis);
        var page = new RenderedPage(html);

        Assert.Empty(page.Errors);
        RenderedPage.AssertWellNested(html);
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "<style", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<![CDATA[", html, StringComparison.Ordinal);
        foreach (IElement element in page.Document.All)
        {
            Assert.Contains(element.LocalName, s_ownElements);
            foreach (IAttr attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, s_ownAttributes);
            }
        }

        Assert.Single(page.Document.Scripts);
        Assert.Equal(1, page.Count("title"));
        Assert.Equal(Sanitized(text), RenderedPage.TextOf(page.Article));
        Assert.Equal(analysis.Mentions.Count, page.Mentions.Count);
        Assert.Equal(analysis.Quotes.Count, page.Quotes.Count);

        // Names from the analysis are data too: they come back as text, in the panel and the badges.
        Entity evil = analysis.Entities[1];
        Assert.Equal(evil.Name, page.Document.QuerySelector("#e-" + evil.Id + " .ent-name")!.TextContent[3..]);
        Assert.Contains(evil.Roles[0], page.Document.GetElementById("e-" + evil.Id)!.TextContent, StringComparison.Ordinal);
        Assert.Contains(evil.Name, page.Document.QuerySelector("main a.badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileTextWithAnalyzer_NothingFromTheTextBecomesMarkup()
    {
        ArticleAnalysis analysis = s_analyzer.Analyze(Hostile, TestContext.Current.CancellationToken);
        string html = ArticleHtmlRenderer.Render(Hostile, analysis);
        var page = new RenderedPage(html);

        Assert.Empty(page.Errors);
        RenderedPage.AssertWellNested(html);
        Assert.Single(page.Document.Scripts);
        Assert.All(page.Document.All, e => Assert.Contains(e.LocalName, s_ownElements));
        Assert.Equal(Sanitized(Hostile), RenderedPage.TextOf(page.Article));
    }

    [Fact]
    public void Render_OverlappingAndNestedSpans_SplitsIntoWellNestedPieces()
    {
        // Quotes cross each other and a paragraph boundary; mentions cross quotes and attributions.
        const string Text = "Alpha Beta said Gamma Delta.\nEpsilon Zeta Eta.";
        var entities = new List<Entity>
        {
            new(1, EntityType.Person, "Alpha Beta", ["Alpha Beta"], 1, []),
            new(2, EntityType.Organization, "Gamma Delta", ["Gamma Delta"], 2, ["group"]),
        };
        var mentions = new List<Mention>
        {
            new(0, 10, "Alpha Beta", EntityType.Person, 1, 0.9),
            new(6, 21, "Beta said Gamma", EntityType.Organization, 2, 0.5),
            new(16, 27, "Gamma Delta", EntityType.Organization, 2, 0.9),
        };
        var quotes = new List<Quote>
        {
            new(6, 36, "Beta said Gamma Delta.\nEpsilon", QuoteKind.Direct, new Speaker(1, "Alpha Beta", new SpeakerMention(0, 10, "Alpha Beta")), new QuoteCue(11, 15, "said")),
            new(16, 45, "Gamma Delta.\nEpsilon Zeta Eta", QuoteKind.Indirect, new Speaker(2, "Gamma Delta", mention: null), new QuoteCue(11, 15, "said")),
            new(20, 20, string.Empty, QuoteKind.Partial, null, null),
        };
        var paragraphs = new List<Paragraph> { new(0, 28, ParagraphKind.Body), new(29, 46, ParagraphKind.Body) };
        var analysis = new ArticleAnalysis("t", [], paragraphs, null, mentions, entities, quotes);

        string html = ArticleHtmlRenderer.Render(Text, analysis);
        var page = new RenderedPage(html);

        Assert.Empty(page.Errors);
        RenderedPage.AssertWellNested(html);
        Assert.Equal(Text, RenderedPage.TextOf(page.Article));
        for (int i = 0; i < mentions.Count; i++)
        {
            Assert.Equal(mentions[i].Text, RenderedPage.TextOf(page.Mentions[i]));
        }

        for (int i = 0; i < quotes.Count; i++)
        {
            Assert.Equal(quotes[i].Text, RenderedPage.TextOf(page.Quotes[i]));
        }

        Assert.True(page.Mentions[1].Count > 1, "the crossing mention is split");
        Assert.Equal(3, page.Count("main .badge"));
        Assert.Equal(2, page.Count("main a.badge"));
        Assert.Equal(1, page.Count("main .cue"));
        Assert.Equal("0 1", page.Document.QuerySelector("main .cue")!.GetAttribute("data-q"));
        Assert.Equal(3, page.Count("main .lbl"));
    }

    [Fact]
    public void Render_QuoteOpeningAParagraph_BadgeBeforeTheMarkInsideTheParagraph()
    {
        const string Text = "\u201CWe won,\u201D Anna said.\n\n\u201CAgain.\u201D";
        var quotes = new List<Quote>
        {
            new(1, 8, "We won,", QuoteKind.Direct, new Speaker(1, "Anna", new SpeakerMention(10, 14, "Anna")), new QuoteCue(15, 19, "said")),
            new(23, 29, "Again.", QuoteKind.Direct, new Speaker(1, "Anna", mention: null), null),
            new(22, 22, string.Empty, QuoteKind.Partial, null, null),
        };
        var entities = new List<Entity> { new(1, EntityType.Person, "Anna", ["Anna"], 1, []) };
        var mentions = new List<Mention> { new(10, 14, "Anna", EntityType.Person, 1, 1) };
        var paragraphs = new List<Paragraph> { new(0, 20, ParagraphKind.Body), new(22, 30, ParagraphKind.Body) };
        var page = new RenderedPage(ArticleHtmlRenderer.Render(Text, new ArticleAnalysis(null, [], paragraphs, null, mentions, entities, quotes)));

        IHtmlCollection<IElement> badges = page.Document.QuerySelectorAll("main .badge");
        Assert.Equal(3, badges.Length);
        Assert.All(badges, b => Assert.NotNull(b.Closest("p.blk")));
        Assert.All(page.Document.QuerySelectorAll("main .q"), q => Assert.NotNull(q.Closest("p.blk")));
        Assert.StartsWith("Direct \u00B7 Anna\u201CWe won,", page.Document.QuerySelector("main p.blk")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Text, RenderedPage.TextOf(page.Article));
    }

    [Fact]
    public void Render_SpanInsideSurrogatePair_KeepsThePairWhole()
    {
        const string Text = "Go \uD83D\uDE00 Team \uD83C\uDDEB\uD83C\uDDF7 now";
        var mentions = new List<Mention>
        {
            new(4, 10, "\uDE00 Team", EntityType.Organization, 1, 0.5),
            new(11, 14, "\uDDEB\uD83C", EntityType.Location, 2, 0.5),
            new(14, 14, string.Empty, EntityType.Location, 2, 0.5),
        };
        var entities = new List<Entity>
        {
            new(1, EntityType.Organization, "Team", ["Team"], 1, []),
            new(2, EntityType.Location, "\uD800", ["\uDC00"], 2, []),
        };
        var analysis = new ArticleAnalysis(null, [], [], null, mentions, entities, []);

        string html = ArticleHtmlRenderer.Render(Text, analysis);
        var page = new RenderedPage(html);

        Assert.Empty(page.Errors);
        RenderedPage.AssertWellNested(html);
        Assert.Equal(Text, RenderedPage.TextOf(page.Article));
        Assert.DoesNotContain('\uFFFD', RenderedPage.TextOf(page.Article));
        Assert.Equal(3, page.Mentions.Count);
        Assert.True(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(html)) == html, "the page is valid UTF-16, so it encodes to UTF-8 losslessly");
    }

    [Fact]
    public void Render_RandomSpans_AlwaysWellNestedAndLossless()
    {
        Gen<string> texts = Gen.Char["ab <>&\"'\n\uD83D\uDE00\u00E9"].Array[0, 40].Select(c => new string(c));
        Gen<(string, ArticleAnalysis)> cases = texts.SelectMany(text =>
        {
            Gen<(int, int)> span = Gen.Int[0, text.Length].SelectMany(a => Gen.Int[a, text.Length].Select(b => (a, b)));
            return Gen.Select(span.Array[0, 6], span.Array[0, 4], span.Array[0, 4], (m, q, p) => (text, Analysis(text, m, q, p)));
        });

        cases.Sample((text, analysis) =>
        {
            string html = ArticleHtmlRenderer.Render(text, analysis);
            var page = new RenderedPage(html);
            RenderedPage.AssertWellNested(html);
            Assert.Empty(page.Errors);
            Assert.Equal(Sanitized(text), RenderedPage.TextOf(page.Article));
            Assert.Equal(analysis.Mentions.Count, page.Mentions.Count);
            Assert.Equal(analysis.Quotes.Count, page.Quotes.Count);
            Assert.Equal(analysis.Quotes.Count, page.Count("main .badge"));
        }, iter: 300);
    }

    [Fact]
    public void Render_EmptyText_WritesAPageWithNothingHighlighted()
    {
        ArticleAnalysis analysis = s_analyzer.Analyze(string.Empty, TestContext.Current.CancellationToken);
        var page = new RenderedPage(ArticleHtmlRenderer.Render(string.Empty, analysis));

        Assert.Empty(page.Errors);
        Assert.Equal(string.Empty, page.Article.TextContent);
        Assert.Equal(0, page.Count("mark"));
        Assert.Contains("No quotes found", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("NewsExtract: article", page.Document.Title);
    }

    [Fact]
    public void Render_SameInputTwice_SameBytesFromEveryOverload()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);

        string first = ArticleHtmlRenderer.Render(text, analysis);
        string second = ArticleHtmlRenderer.Render(text, s_analyzer.Analyze(text, TestContext.Current.CancellationToken));
        using var stream = new MemoryStream();
        ArticleHtmlRenderer.Render(stream, text, analysis);
        using var writer = new StringWriter();
        ArticleHtmlRenderer.Render(writer, text, analysis);

        Assert.Equal(first, second);
        Assert.Equal(Encoding.UTF8.GetBytes(first), stream.ToArray());
        Assert.Equal(first, writer.ToString());
    }

    [Fact]
    public void Render_AnalysisOfAnotherText_ThrowsAndWritesNothing()
    {
        ArticleAnalysis analysis = s_analyzer.Analyze(ArticleAnalyzer.GetSampleArticle(), TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();

        Assert.Throws<ArgumentException>(() => ArticleHtmlRenderer.Render(stream, "short", analysis));
        Assert.Equal(0, stream.Length);
        Assert.Throws<ArgumentNullException>(() => ArticleHtmlRenderer.Render(null!, analysis));
        Assert.Throws<ArgumentNullException>(() => ArticleHtmlRenderer.Render("x", null!));
    }

    [Fact]
    public void Render_Page_LoadsNothingAndAllowsOnlyItsOwnScriptAndStyle()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        var page = new RenderedPage(ArticleHtmlRenderer.Render(text, s_analyzer.Analyze(text, TestContext.Current.CancellationToken)));

        string policy = page.Document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        string script = page.Document.Scripts[0].Text;
        string style = page.Document.QuerySelector("style")!.TextContent;
        Assert.Contains("script-src 'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(script))) + "'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(style))) + "'", policy, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("[src], link, img, iframe, object"));
        Assert.All(page.Document.QuerySelectorAll("a[href]"), a => Assert.StartsWith("#", a.GetAttribute("href")!, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ParagraphKinds_HeadingsAndBoilerplateMutedAndLabelled()
    {
        const string Text = "Title\n\nTitle\n\nSection\n\nBody text.\n\nShare this";
        var paragraphs = new List<Paragraph>
        {
            new(0, 5, ParagraphKind.Title), new(7, 12, ParagraphKind.Title), new(14, 21, ParagraphKind.Heading),
            new(23, 33, ParagraphKind.Body), new(35, 45, ParagraphKind.Boilerplate),
        };
        var page = new RenderedPage(ArticleHtmlRenderer.Render(Text, new ArticleAnalysis("Title", [], paragraphs, null, [], [], [])));

        Assert.Equal("Title", page.Document.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Section", page.Document.QuerySelector("main h2.muted")!.TextContent);
        Assert.Equal(3, page.Count("main .muted"));
        Assert.Equal(Text, RenderedPage.TextOf(page.Article));
    }

    /// <summary>What the page must show for a text: unsafe characters as U+FFFD, line ends as the parser normalizes them.</summary>
    private static string Sanitized(string text)
    {
        var sb = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes())
        {
            int v = rune.Value;
            bool unsafeChar = (v < 0x20 && v is not (0x09 or 0x0A or 0x0C or 0x0D)) || (v >= 0x7F && v <= 0x9F)
                || (v >= 0xFDD0 && v <= 0xFDEF) || (v & 0xFFFE) == 0xFFFE;
            sb.Append(unsafeChar ? "\uFFFD" : rune.ToString());
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    private static ArticleAnalysis Analysis(string text, (int, int)[] mentionSpans, (int, int)[] quoteSpans, (int, int)[] paragraphSpans)
    {
        var entities = new List<Entity> { new(7, EntityType.Person, "<b>", ["<b>"], mentionSpans.Length, []) };
        var mentions = mentionSpans.Select((s, i) => new Mention(s.Item1, s.Item2, text[s.Item1..s.Item2], (EntityType)(i % 3 + 1), 7, 1)).ToList();
        var quotes = quoteSpans.Select((s, i) => new Quote(s.Item1, s.Item2, text[s.Item1..s.Item2], (QuoteKind)(i % 3 + 1),
            i % 2 == 0 ? null : new Speaker(7, "<b>", new SpeakerMention(s.Item1, s.Item2, text[s.Item1..s.Item2])), i % 3 == 0 ? null : new QuoteCue(s.Item1, s.Item2, text[s.Item1..s.Item2]))).ToList();
        var paragraphs = paragraphSpans.Select(s => new Paragraph(s.Item1, s.Item2, (ParagraphKind)(s.Item1 % 4))).ToList();
        return new ArticleAnalysis(null, [], paragraphs, null, mentions, entities, quotes);
    }

    private static ArticleAnalysis HostileAnalysis(string text)
    {
        const string EvilName = "</script><script>alert(6)</script>\"' onmouseover=\"alert(7)\" <!--";
        int anna = text.IndexOf("Anna Smith", StringComparison.Ordinal);
        int quoteStart = text.IndexOf("</style>", StringComparison.Ordinal);
        int quoteEnd = text.IndexOf('\u201D', StringComparison.Ordinal);
        int script = text.IndexOf("<script>", StringComparison.Ordinal);
        int pair = text.IndexOf('\uD83D', StringComparison.Ordinal);
        var entities = new List<Entity>
        {
            new(1, EntityType.Person, "Anna Smith", ["Anna Smith", "<i>Anna</i>"], 1, ["<u>boss</u>"]),
            new(2, EntityType.Organization, EvilName, [EvilName, "\uD800"], 2, ["\" onclick=\"x"]),
        };
        var mentions = new List<Mention>
        {
            new(script, script + 8, "<script>", EntityType.Organization, 2, 0.5),
            new(anna, anna + 10, "Anna Smith", EntityType.Person, 1, 0.9),
            new(pair + 1, pair + 2, text[(pair + 1)..(pair + 2)], EntityType.Organization, 2, 0.5),
        };
        var quotes = new List<Quote>
        {
            new(quoteStart, quoteEnd, text[quoteStart..quoteEnd], QuoteKind.Direct, new Speaker(2, EvilName, new SpeakerMention(anna, anna + 10, "Anna Smith")), new QuoteCue(anna + 11, anna + 15, "said")),
            new(0, text.Length, text, QuoteKind.Indirect, new Speaker(99, EvilName, mention: null), null),
        };
        var paragraphs = new List<Paragraph> { new(0, text.IndexOf('\n', StringComparison.Ordinal), ParagraphKind.Title) };
        return new ArticleAnalysis(EvilName, [], paragraphs, null, mentions, entities, quotes);
    }
}
