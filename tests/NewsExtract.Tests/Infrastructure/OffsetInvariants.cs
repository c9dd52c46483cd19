namespace NewsExtract.Tests.Infrastructure;

/// <summary>
/// Checks the contract's offset rules on every span of an analysis: inside the text, text equal to the
/// substring, in text order, never splitting a surrogate pair, ids and counts consistent.
/// </summary>
/// <remarks>
/// Failure messages are built only on failure: the property tests call this on millions of spans.
/// </remarks>
internal static class OffsetInvariants
{
    private const string QuoteMarks = "\"\u201C\u201D\u201E\u00AB\u00BB";

    /// <summary>
    /// The one-entity-index invariant: whenever a quote's speaker points at the span of a mention, the
    /// speaker carries that mention's entity id (the quote stage resolves names only through the index).
    /// </summary>
    public static void AssertSpeakersAgreeWithMentions(ArticleAnalysis analysis)
    {
        var byspan = new Dictionary<(int, int), int>();
        foreach (Mention m in analysis.Mentions)
        {
            byspan[(m.Start, m.End)] = m.EntityId;
        }

        foreach (Quote q in analysis.Quotes)
        {
            if (q.Speaker is { Mention: { Start: int start, End: int end } said } speaker && byspan.TryGetValue((start, end), out int entityId))
            {
                Check(speaker.EntityId == entityId, $"speaker '{said.Text}' has entity {speaker.EntityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} but the mention at its span belongs to entity {entityId}", start);
            }
        }
    }

    public static void AssertValid(string text, ArticleAnalysis analysis)
    {
        int previous = 0;
        foreach (Sentence s in analysis.Sentences)
        {
            AssertSpan(text, s.Start, s.End, "sentence");
            Check(s.Start < s.End, "empty sentence", s.Start);
            Check(s.Start >= previous, "sentences out of order", s.Start);
            previous = s.End;
        }

        previous = 0;
        foreach (Paragraph p in analysis.Paragraphs)
        {
            AssertSpan(text, p.Start, p.End, "paragraph");
            Check(p.Start < p.End, "empty paragraph", p.Start);
            Check(p.Start >= previous, "paragraphs out of order", p.Start);
            previous = p.End;
        }

        if (analysis.Tokens is { } tokens)
        {
            previous = 0;
            foreach (var t in tokens)
            {
                AssertSpan(text, t.Start, t.End, "token");
                Check(t.Length > 0, "empty token", t.Start);
                Check(t.Start >= previous, "tokens out of order", t.Start);
                previous = t.End;
            }
        }

        var ids = new Dictionary<int, int>();
        foreach (Entity e in analysis.Entities)
        {
            Check(ids.TryAdd(e.Id, 0), "duplicate entity id", e.Id);
            Check(!string.IsNullOrEmpty(e.Name), "entity without a name", e.Id);
        }

        previous = 0;
        foreach (Mention m in analysis.Mentions)
        {
            AssertSpan(text, m.Start, m.End, "mention", m.Text);
            Check(m.Start < m.End, "empty mention", m.Start);
            Check(m.Start >= previous, "mentions out of order or overlapping", m.Start);
            Check(ids.ContainsKey(m.EntityId), "mention of an unknown entity", m.Start);
            Check(m.Confidence is >= 0.0 and <= 1.0, "confidence outside [0, 1]", m.Start);
            ids[m.EntityId]++;
            previous = m.End;
        }

        foreach (Entity e in analysis.Entities)
        {
            Check(e.MentionCount == ids[e.Id], "entity mentionCount differs from its mentions", e.Id);
        }

        previous = 0;
        foreach (Quote q in analysis.Quotes)
        {
            AssertSpan(text, q.Start, q.End, "quote", q.Text);
            Check(q.Text.Length > 0, "empty quote", q.Start);
            Check(q.Start >= previous, "quotes out of text order", q.Start);
            previous = q.Start;
            if (q.Kind != QuoteKind.Indirect)
            {
                Check(!QuoteMarks.Contains(text[q.Start], StringComparison.Ordinal), "quote starts with its quote mark", q.Start);
                Check(!QuoteMarks.Contains(text[q.End - 1], StringComparison.Ordinal), "quote includes its closing quote mark", q.End);
            }

            if (q.Speaker is { } sp)
            {
                Check(!string.IsNullOrEmpty(sp.Name), "speaker without a name", q.Start);
                if (sp.Mention is { } said)
                {
                    AssertSpan(text, said.Start, said.End, "speaker", said.Text);
                }

                if (sp.EntityId is int id)
                {
                    Check(ids.ContainsKey(id), "speaker of an unknown entity", q.Start);
                }
            }

            if (q.Cue is { } cue)
            {
                AssertSpan(text, cue.Start, cue.End, "cue", cue.Text);
            }
        }
    }

    private static void AssertSpan(string text, int start, int end, string what, string? expected = null)
    {
        if (start < 0 || start > end || end > text.Length)
        {
            Assert.Fail($"{what} span [{start},{end}) outside text of length {text.Length}");
        }

        if (SplitsPair(text, start) || SplitsPair(text, end))
        {
            Assert.Fail($"{what} span [{start},{end}) cuts a surrogate pair in two");
        }

        if (expected is not null && !text.AsSpan(start, end - start).SequenceEqual(expected))
        {
            Assert.Fail($"{what} span [{start},{end}) has text \"{expected}\", not the input's \"{text.Substring(start, end - start)}\"");
        }
    }

    /// <summary>Whether a boundary at <paramref name="index"/> falls between the halves of a valid surrogate pair.</summary>
    private static bool SplitsPair(string text, int index)
        => index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);

    private static void Check(bool condition, string message, int at)
    {
        if (!condition)
        {
            Assert.Fail($"{message} (at {at})");
        }
    }
}
