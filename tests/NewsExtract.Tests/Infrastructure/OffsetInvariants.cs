namespace NewsExtract.Tests.Infrastructure;

/// <summary>Checks the contract's offset rules on every span of an analysis.</summary>
internal static class OffsetInvariants
{
    private const string QuoteMarks = "\"\u201C\u201D\u201E\u00AB\u00BB";

    public static void AssertValid(string text, ArticleAnalysis analysis)
    {
        int previous = 0;
        foreach (Sentence s in analysis.Sentences)
        {
            AssertSpan(text, s.Start, s.End);
            Assert.True(s.Start >= previous, $"sentences out of order at {s.Start}");
            previous = s.End;
        }

        previous = 0;
        foreach (Paragraph p in analysis.Paragraphs)
        {
            AssertSpan(text, p.Start, p.End);
            Assert.True(p.Start >= previous, $"paragraphs out of order at {p.Start}");
            previous = p.End;
        }

        if (analysis.Tokens is { } tokens)
        {
            previous = 0;
            foreach (var t in tokens)
            {
                AssertSpan(text, t.Start, t.End);
                Assert.True(t.Length > 0, "empty token");
                Assert.True(t.Start >= previous, $"tokens out of order at {t.Start}");
                previous = t.End;
            }
        }

        var ids = new HashSet<int>();
        foreach (Entity e in analysis.Entities)
        {
            Assert.True(ids.Add(e.Id), $"duplicate entity id {e.Id}");
        }

        previous = 0;
        foreach (Mention m in analysis.Mentions)
        {
            AssertSpan(text, m.Start, m.End, m.Text);
            Assert.True(m.Start >= previous, $"mentions out of order or overlapping at {m.Start}");
            Assert.Contains(m.EntityId, ids);
            Assert.InRange(m.Confidence, 0.0, 1.0);
            previous = m.End;
        }

        foreach (Quote q in analysis.Quotes)
        {
            AssertSpan(text, q.Start, q.End, q.Text);
            Assert.True(q.Text.Length > 0, "empty quote");
            if (q.Kind != QuoteKind.Indirect)
            {
                Assert.False(QuoteMarks.Contains(text[q.Start], StringComparison.Ordinal), $"quote at {q.Start} starts with its quote mark");
                Assert.False(QuoteMarks.Contains(text[q.End - 1], StringComparison.Ordinal), $"quote ending at {q.End} includes its quote mark");
            }

            if (q.Speaker is { } sp)
            {
                if (sp.Start is int ss && sp.End is int se)
                {
                    AssertSpan(text, ss, se, sp.Text);
                }

                if (sp.EntityId is int id)
                {
                    Assert.Contains(id, ids);
                }
            }

            if (q.Cue is { } cue)
            {
                AssertSpan(text, cue.Start, cue.End, cue.Text);
            }
        }
    }

    private static void AssertSpan(string text, int start, int end, string? expected = null)
    {
        Assert.True(start >= 0 && start <= end && end <= text.Length, $"span [{start},{end}) outside text of length {text.Length}");
        if (expected is not null)
        {
            Assert.Equal(expected, text.Substring(start, end - start));
        }
    }
}
