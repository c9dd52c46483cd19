using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace NewsExtract.Tests.Rendering;

/// <summary>A rendered page parsed by a spec-following HTML5 parser, with the parse errors it reported.</summary>
internal sealed partial class RenderedPage
{
    public RenderedPage(string html)
    {
        Html = html;
        var parser = new HtmlParser();
        parser.Error += (_, e) => Errors.Add(e is HtmlErrorEvent error ? error.Message + " at " + error.Position : e.ToString()!);
        Document = parser.ParseDocument(html);
    }

    public string Html { get; }

    public IHtmlDocument Document { get; }

    public List<string> Errors { get; } = [];

    public IElement Article => Document.QuerySelector("main article") ?? throw new InvalidOperationException("no article");

    /// <summary>The pieces of each mention (by <c>data-m</c>) in document order.</summary>
    public Dictionary<int, List<IElement>> Mentions => Group("main mark.m[data-m]", "data-m");

    /// <summary>The pieces of each quote (by <c>data-q</c>) in document order.</summary>
    public Dictionary<int, List<IElement>> Quotes => Group("main .q[data-q]", "data-q");

    public int Count(string selector) => Document.QuerySelectorAll(selector).Length;

    /// <summary>The text of a node without the labels and badges the page adds.</summary>
    public static string TextOf(INode node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        return sb.ToString();
    }

    public static string TextOf(IEnumerable<IElement> pieces) => string.Concat(pieces.Select(TextOf));

    /// <summary>
    /// Checks that the markup (outside style and script) nests properly: every end tag closes the innermost
    /// open element, as the renderer promises, so no parser had to repair anything.
    /// </summary>
    public static void AssertWellNested(string html)
    {
        string markup = RawText().Replace(html, "<$1></$1>");
        var open = new Stack<string>();
        foreach (Match m in Tag().Matches(markup))
        {
            string name = m.Groups[2].Value.ToLowerInvariant();
            if (m.Groups[1].Value == "/")
            {
                Assert.True(open.Count > 0 && open.Peek() == name, $"</{name}> at {m.Index} does not close <{(open.Count > 0 ? open.Peek() : "nothing")}>");
                open.Pop();
            }
            else if (name is not ("meta" or "!doctype"))
            {
                open.Push(name);
            }
        }

        Assert.Empty(open);
    }

    private Dictionary<int, List<IElement>> Group(string selector, string attribute)
    {
        var groups = new Dictionary<int, List<IElement>>();
        foreach (IElement element in Document.QuerySelectorAll(selector))
        {
            int key = int.Parse(element.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);
            if (!groups.TryGetValue(key, out List<IElement>? list))
            {
                groups[key] = list = [];
            }

            list.Add(element);
        }

        return groups;
    }

    private static void Append(INode node, StringBuilder sb)
    {
        if (node is IElement element && (element.ClassList.Contains("lbl") || element.ClassList.Contains("badge")))
        {
            return;
        }

        if (node is IText text)
        {
            sb.Append(text.Data);
            return;
        }

        foreach (INode child in node.ChildNodes)
        {
            Append(child, sb);
        }
    }

    [GeneratedRegex(@"<(style|script)>.*?</\1>", RegexOptions.Singleline, 5000)]
    private static partial Regex RawText();

    [GeneratedRegex(@"<(/?)(!doctype|[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", RegexOptions.IgnoreCase, 5000)]
    private static partial Regex Tag();
}
