namespace NewsExtract.Rendering;

/// <summary>The side panel: who is mentioned (most mentioned first) and who said what.</summary>
internal sealed partial class ArticlePageWriter
{
    private const int PanelQuoteLength = 180;

    private void WritePanel()
    {
        IReadOnlyList<Entity> entities = _analysis.Entities;
        Raw("<section>\n<h2>Entities (");
        Raw(Number(entities.Count));
        Raw(")</h2>\n");
        if (entities.Count == 0)
        {
            Raw("<p class=\"empty\">No people, organizations or places found.</p>\n");
        }
        else
        {
            var order = new int[entities.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            // Most mentioned first; ties keep the analysis order (first mention), so output is deterministic.
            Array.Sort(order, (a, b) => entities[a].MentionCount != entities[b].MentionCount
                ? entities[b].MentionCount.CompareTo(entities[a].MentionCount)
                : a.CompareTo(b));
            var seen = new HashSet<int>();
            Raw("<ul>\n");
            foreach (int i in order)
            {
                WriteEntity(entities[i], anchor: seen.Add(entities[i].Id));
            }

            Raw("</ul>\n");
        }

        Raw("</section>\n<section>\n<h2>Quotes by speaker (");
        Raw(Number(_analysis.Quotes.Count));
        Raw(")</h2>\n");
        if (_analysis.Quotes.Count == 0)
        {
            Raw("<p class=\"empty\">No quotes found.</p>\n");
        }
        else
        {
            WriteQuoteGroups();
        }

        Raw("</section>\n");
    }

    private void WriteEntity(Entity entity, bool anchor)
    {
        string id = Number(entity.Id);
        Raw("<li class=\"ent ");
        Raw(TypeClass(entity.Type));
        Raw("\" data-e=\"");
        Raw(id);
        if (anchor)
        {
            Raw("\" id=\"e-");
            Raw(id);
        }

        Raw("\"><button type=\"button\" class=\"ent-name\" data-e=\"");
        Raw(id);
        Raw("\" aria-pressed=\"false\" title=\"Highlight every mention\"><span class=\"lbl\">");
        Raw(TypeLabel(entity.Type));
        Raw("</span>");
        Encoded(entity.Name);
        Raw("</button><span class=\"cnt\">");
        Raw(Count(entity.MentionCount, "mention"));
        int said = 0;
        foreach (Quote quote in _analysis.Quotes)
        {
            if (quote.Speaker?.EntityId == entity.Id)
            {
                said++;
            }
        }

        if (said > 0)
        {
            Raw(", ");
            Raw(Count(said, "quote"));
        }

        Raw("</span>");
        bool aliases = false;
        // Lists may be null in an analysis read from older or hand-written JSON.
        foreach (string alias in entity.Aliases ?? [])
        {
            if (string.Equals(alias, entity.Name, StringComparison.Ordinal))
            {
                continue;
            }

            Raw(aliases ? ", " : "<div class=\"meta\">Also: ");
            Encoded(alias);
            aliases = true;
        }

        if (aliases)
        {
            Raw("</div>");
        }

        if (entity.Roles is { Count: > 0 } roles)
        {
            Raw("<div class=\"meta\">Role: ");
            for (int i = 0; i < roles.Count; i++)
            {
                if (i > 0)
                {
                    Raw("; ");
                }

                Encoded(roles[i]);
            }

            Raw("</div>");
        }

        Raw("</li>\n");
    }

    /// <summary>
    /// Groups quotes by resolved speaker entity, then by speaker name when there is no entity; groups with
    /// more quotes first, ties in text order; quotes without a speaker last.
    /// </summary>
    private void WriteQuoteGroups()
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<List<int>>();
        var unknown = new List<int>();
        for (int i = 0; i < _analysis.Quotes.Count; i++)
        {
            Speaker? speaker = _analysis.Quotes[i].Speaker;
            if (speaker is null)
            {
                unknown.Add(i);
                continue;
            }

            string key = speaker.EntityId is int id && _entities.ContainsKey(id) ? "e" + Number(id) : "n" + speaker.Name;
            if (!keys.TryGetValue(key, out int group))
            {
                group = groups.Count;
                keys.Add(key, group);
                groups.Add([]);
            }

            groups[group].Add(i);
        }

        groups.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a[0].CompareTo(b[0]));
        foreach (List<int> group in groups)
        {
            Speaker speaker = _analysis.Quotes[group[0]].Speaker!;
            Raw("<div class=\"grp\"><h3>");
            if (speaker.EntityId is int id && _entities.TryGetValue(id, out Entity? entity))
            {
                Raw("<a href=\"#e-");
                Raw(Number(id));
                Raw("\" data-e=\"");
                Raw(Number(id));
                Raw("\">");
                Encoded(entity.Name);
                Raw("</a>");
            }
            else
            {
                Encoded(speaker.Name);
                Raw(" <span class=\"cnt\">(not resolved to an entity)</span>");
            }

            Raw(" <span class=\"cnt\">");
            Raw(Count(group.Count, "quote"));
            Raw("</span></h3>\n");
            WriteQuoteList(group);
            Raw("</div>\n");
        }

        if (unknown.Count > 0)
        {
            Raw("<div class=\"grp\"><h3>Speaker unknown <span class=\"cnt\">");
            Raw(Count(unknown.Count, "quote"));
            Raw("</span></h3>\n");
            WriteQuoteList(unknown);
            Raw("</div>\n");
        }
    }

    private void WriteQuoteList(List<int> quotes)
    {
        Raw("<ol>\n");
        foreach (int i in quotes)
        {
            Quote quote = _analysis.Quotes[i];
            Raw("<li class=\"");
            Raw(KindClass(quote.Kind));
            Raw("\"><a href=\"#q-");
            Raw(Number(i));
            Raw("\" data-q=\"");
            Raw(Number(i));
            Raw("\"><span class=\"kind\">");
            Raw(KindName(quote.Kind));
            Raw("</span>\u201C");
            Encoded(Shorten(_text.AsSpan(quote.Start, quote.End - quote.Start), PanelQuoteLength, out bool cut));
            Raw(cut ? "\u2026\u201D" : "\u201D");
            Raw("</a></li>\n");
        }

        Raw("</ol>\n");
    }
}
