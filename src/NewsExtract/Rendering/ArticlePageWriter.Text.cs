namespace NewsExtract.Rendering;

/// <summary>The annotated article text: blocks, quotes, attributions and mentions, well nested.</summary>
internal sealed partial class ArticlePageWriter
{
    private readonly List<PageBlock> _blocks = [];
    private readonly List<PageAttribution> _attributions = [];
    private readonly List<MarkupSpan> _open = [];
    private readonly HashSet<MarkupSpan> _started = [];

    /// <summary>
    /// Sweeps the text once from boundary to boundary. Between two boundaries the set of covering spans
    /// is fixed; the open element stack is brought to that set (outer layers first) by closing down to the
    /// longest common prefix and opening the rest, so overlapping spans come out as correctly nested
    /// pieces. Empty spans are drawn as empty elements at their position.
    /// </summary>
    private void WriteText()
    {
        List<MarkupSpan> spans = CollectSpans();
        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.CompareTo(b));

        var boundaries = new List<int>(spans.Count * 2 + 2) { 0, _text.Length };
        foreach (MarkupSpan span in spans)
        {
            boundaries.Add(span.Start);
            boundaries.Add(span.End);
        }

        boundaries.Sort();
        var active = new List<MarkupSpan>();
        var starting = new List<MarkupSpan>();
        var desired = new List<MarkupSpan>();
        int next = 0;
        int previous = -1;
        foreach (int position in boundaries)
        {
            if (position == previous)
            {
                continue;
            }

            previous = position;
            RemoveEnded(active, position);
            starting.Clear();
            for (; next < spans.Count && spans[next].Start == position; next++)
            {
                MarkupSpan span = spans[next];
                if (span.End > position)
                {
                    starting.Add(span);
                    continue;
                }

                // An empty span: drawn inside whatever crosses this position, and inside a block that starts
                // here (blocks sort first, so they are already in 'starting') rather than between blocks.
                desired.Clear();
                desired.AddRange(active);
                foreach (MarkupSpan block in starting)
                {
                    if (block.Layer == MarkupLayer.Block)
                    {
                        desired.Add(block);
                    }
                }

                desired.Add(span);
                desired.Sort();
                MoveTo(desired, position);
            }

            if (position == _text.Length)
            {
                break;
            }

            active.AddRange(starting);
            desired.Clear();
            desired.AddRange(active);
            desired.Sort();
            MoveTo(desired, position);

            int end = NextBoundary(boundaries, position);
            Encoded(_text.AsSpan(position, end - position));
        }

        desired.Clear();
        MoveTo(desired, _text.Length);
    }

    private static void RemoveEnded(List<MarkupSpan> active, int position)
    {
        int kept = 0;
        for (int i = 0; i < active.Count; i++)
        {
            if (active[i].End > position)
            {
                active[kept++] = active[i];
            }
        }

        active.RemoveRange(kept, active.Count - kept);
    }

    private static int NextBoundary(List<int> sorted, int position)
    {
        int i = sorted.BinarySearch(position + 1);
        return i >= 0 ? sorted[i] : sorted[~i];
    }

    /// <summary>Closes open elements down to the common prefix with <paramref name="desired"/>, then opens the rest.</summary>
    private void MoveTo(List<MarkupSpan> desired, int position)
    {
        int common = 0;
        while (common < _open.Count && common < desired.Count && _open[common] == desired[common])
        {
            common++;
        }

        for (int i = _open.Count - 1; i >= common; i--)
        {
            Close(_open[i], ends: _open[i].End <= position);
        }

        _open.RemoveRange(common, _open.Count - common);
        for (int i = common; i < desired.Count; i++)
        {
            Open(desired[i], first: _started.Add(desired[i]));
            _open.Add(desired[i]);
        }
    }

    private void Open(MarkupSpan span, bool first)
    {
        switch (span.Layer)
        {
            case MarkupLayer.Block:
                PageBlock block = _blocks[span.Index];
                Raw("<" + block.Tag + " class=\"" + block.CssClass + "\">");
                break;
            case MarkupLayer.Quote:
                OpenQuote(span.Index, first);
                break;
            case MarkupLayer.Attribution:
                PageAttribution attribution = _attributions[span.Index];
                Raw(attribution.IsCue ? "<span class=\"cue\" title=\"speech cue\" data-q=\"" : "<span class=\"spk\" title=\"speaker\" data-q=\"");
                Raw(attribution.QuoteIds);
                Raw("\">");
                break;
            case MarkupLayer.Mention:
                OpenMention(span.Index, first);
                break;
            default:
                WriteBadge(span.Index);
                break;
        }
    }

    private void Close(MarkupSpan span, bool ends)
    {
        switch (span.Layer)
        {
            case MarkupLayer.Block:
                Raw("</" + _blocks[span.Index].Tag + ">");
                break;
            case MarkupLayer.Badge:
                break;
            case MarkupLayer.Mention:
                if (ends)
                {
                    // The label goes after the last piece, where a reader finishes the name.
                    Raw("<span class=\"lbl\">");
                    Raw(TypeLabel(_analysis.Mentions[span.Index].Type));
                    Raw("</span>");
                }

                Raw("</mark>");
                break;
            default:
                Raw("</span>");
                break;
        }
    }

    private void OpenMention(int index, bool first)
    {
        Mention mention = _analysis.Mentions[index];
        Raw("<mark class=\"m ");
        Raw(TypeClass(mention.Type));
        Raw(first ? "\"" : " cont\"");
        Raw(" data-m=\"");
        Raw(Number(index));
        Raw("\"");
        bool known = _entities.TryGetValue(mention.EntityId, out Entity? entity);
        if (known)
        {
            Raw(" data-e=\"");
            Raw(Number(mention.EntityId));
            Raw("\"");
        }

        if (first)
        {
            Raw(" title=\"");
            Raw(TypeName(mention.Type));
            if (entity is not null)
            {
                Raw(": ");
                Encoded(entity.Name);
            }

            Raw("\"");
        }

        Raw(">");
    }

    private void OpenQuote(int index, bool first)
    {
        Quote quote = _analysis.Quotes[index];
        Raw("<span class=\"q q-");
        Raw(KindClass(quote.Kind)[2..]);
        Raw(first ? "\"" : " cont\"");
        Raw(" data-q=\"");
        Raw(Number(index));
        Raw("\"");
        if (first)
        {
            Raw(" id=\"q-");
            Raw(Number(index));
            Raw("\"");
        }

        Raw(">");
    }

    /// <summary>The speaker badge at the start of a quote: kind and speaker in words, linked to the speaker's entity.</summary>
    private void WriteBadge(int index)
    {
        Quote quote = _analysis.Quotes[index];
        Speaker? speaker = quote.Speaker;
        string kind = KindName(quote.Kind);
        string quoteId = Number(index);
        if (speaker is null)
        {
            Raw("<span class=\"badge none\" data-q=\"");
            Raw(quoteId);
            Raw("\" title=\"");
            Raw(kind);
            Raw(" quote; no speaker found\">");
            Raw(kind);
            Raw(" \u00B7 speaker unknown</span>");
            return;
        }

        bool linked = speaker.EntityId is int id && _entities.ContainsKey(id);
        if (linked)
        {
            Raw("<a class=\"badge\" href=\"#e-");
            Raw(Number(speaker.EntityId!.Value));
            Raw("\" data-e=\"");
            Raw(Number(speaker.EntityId.Value));
            Raw("\"");
        }
        else
        {
            Raw("<span class=\"badge\"");
        }

        Raw(" data-q=\"");
        Raw(quoteId);
        Raw("\"");

        Raw(" title=\"");
        Raw(kind);
        Raw(" quote; speaker: ");
        Encoded(speaker.Name);
        if (speaker.Mention?.Text is { Length: > 0 } said && !string.Equals(said, speaker.Name, StringComparison.Ordinal))
        {
            Raw(" (as \u201C");
            Encoded(said);
            Raw("\u201D)");
        }
        else if (speaker.Mention is null)
        {
            Raw(" (from an earlier attribution)");
        }

        Raw("\">");
        Raw(kind);
        Raw(" \u00B7 ");
        Encoded(speaker.Name);
        Raw(linked ? "</a>" : "</span>");
    }

    private List<MarkupSpan> CollectSpans()
    {
        CollectBlocks();
        var spans = new List<MarkupSpan>(_blocks.Count + _analysis.Mentions.Count + _analysis.Quotes.Count * 3);
        for (int i = 0; i < _blocks.Count; i++)
        {
            spans.Add(new MarkupSpan(_blocks[i].Start, _blocks[i].End, MarkupLayer.Block, i));
        }

        for (int i = 0; i < _analysis.Quotes.Count; i++)
        {
            Quote quote = _analysis.Quotes[i];
            spans.Add(new MarkupSpan(Snap(quote.Start), Snap(quote.End), MarkupLayer.Quote, i));
            int badge = BadgePosition(quote.Start);
            spans.Add(new MarkupSpan(badge, badge, MarkupLayer.Badge, i));
        }

        CollectAttributions();
        for (int i = 0; i < _attributions.Count; i++)
        {
            spans.Add(new MarkupSpan(_attributions[i].Start, _attributions[i].End, MarkupLayer.Attribution, i));
        }

        for (int i = 0; i < _analysis.Mentions.Count; i++)
        {
            Mention mention = _analysis.Mentions[i];
            spans.Add(new MarkupSpan(Snap(mention.Start), Snap(mention.End), MarkupLayer.Mention, i));
        }

        return spans;
    }

    /// <summary>
    /// Turns the paragraphs into non-overlapping, non-empty blocks in text order, and adds a plain block for
    /// any text no paragraph covers (all of it when the analysis has no paragraphs), so no text is lost.
    /// </summary>
    private void CollectBlocks()
    {
        var paragraphs = new List<Paragraph>(_analysis.Paragraphs);
        paragraphs.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        int covered = 0;
        bool titleSeen = false;
        foreach (Paragraph paragraph in paragraphs)
        {
            int start = Snap(Math.Max(paragraph.Start, covered));
            int end = Snap(paragraph.End);
            if (end <= start)
            {
                continue;
            }

            AddGap(covered, start);
            (string tag, string css) = paragraph.Kind switch
            {
                ParagraphKind.Title when !titleSeen => ("h1", "blk k-title"),
                ParagraphKind.Title => ("p", "blk k-title-rep muted"),
                ParagraphKind.Heading => ("h2", "blk k-heading muted"),
                ParagraphKind.Boilerplate => ("p", "blk k-boiler muted"),
                _ => ("p", "blk"),
            };
            titleSeen |= paragraph.Kind == ParagraphKind.Title;
            _blocks.Add(new PageBlock(start, end, tag, css));
            covered = end;
        }

        AddGap(covered, _text.Length);
    }

    private void AddGap(int start, int end)
    {
        ReadOnlySpan<char> gap = _text.AsSpan(start, end - start);
        int lead = gap.Length - gap.TrimStart().Length;
        int trail = gap.Length - gap.TrimEnd().Length;
        if (lead < gap.Length)
        {
            _blocks.Add(new PageBlock(Snap(start + lead), Snap(end - trail), "p", "blk k-gap"));
        }
    }

    /// <summary>One element per distinct speaker mention or cue, listing every quote that uses it.</summary>
    private void CollectAttributions()
    {
        var index = new Dictionary<(int Start, int End, bool IsCue), int>();
        var quoteIds = new List<string>();
        for (int i = 0; i < _analysis.Quotes.Count; i++)
        {
            Quote quote = _analysis.Quotes[i];
            if (quote.Speaker?.Mention is { Start: int start, End: int end })
            {
                Add(start, end, isCue: false, i);
            }

            if (quote.Cue is QuoteCue cue)
            {
                Add(cue.Start, cue.End, isCue: true, i);
            }
        }

        void Add(int start, int end, bool isCue, int quote)
        {
            start = Snap(start);
            end = Snap(end);
            if (end <= start)
            {
                return;
            }

            if (index.TryGetValue((start, end, isCue), out int existing))
            {
                quoteIds[existing] += " " + Number(quote);
            }
            else
            {
                index.Add((start, end, isCue), quoteIds.Count);
                quoteIds.Add(Number(quote));
                _attributions.Add(default);
            }
        }

        foreach (KeyValuePair<(int Start, int End, bool IsCue), int> pair in index)
        {
            _attributions[pair.Value] = new PageAttribution(pair.Key.Start, pair.Key.End, pair.Key.IsCue, quoteIds[pair.Value]);
        }
    }

    /// <summary>
    /// Where a quote's badge goes: before its opening quotation mark when one directly precedes the quote
    /// (quote spans exclude the marks), so the badge reads as a speaker tag and the mark stays with the words.
    /// </summary>
    private int BadgePosition(int start)
    {
        int position = Snap(start);
        return position > 0 && _text[position - 1] is '"' or '\'' or '\u201C' or '\u2018' or '\u201E' or '\u00AB' or '\u2039'
            ? position - 1
            : position;
    }

    /// <summary>Moves a boundary that falls between the two halves of a surrogate pair to before the pair.</summary>
    private int Snap(int position)
        => position > 0 && position < _text.Length && char.IsHighSurrogate(_text[position - 1]) && char.IsLowSurrogate(_text[position])
            ? position - 1
            : position;
}
