namespace NewsExtract.Entities;

/// <summary>Turns BILOU tags into mention spans, never across a sentence boundary.</summary>
internal static class NerSpans
{
    /// <summary>Adds the mentions of one sentence. A mention starts at B or U (or at an I or L that
    /// follows something else, for robustness) and ends at L or U or where its class stops.</summary>
    public static void Collect(NerSentence sentence, ReadOnlySpan<int> tags, ReadOnlySpan<float> confidence, List<NerMentionSpan> mentions)
    {
        int end = sentence.FirstToken + sentence.TokenCount;
        int i = sentence.FirstToken;
        while (i < end)
        {
            int tag = tags[i];
            if (tag == 0)
            {
                i++;
                continue;
            }

            int cls = NerLabels.ClassOf(tag);
            int j = i;
            float conf = confidence.IsEmpty ? 1f : confidence[i];
            while (NerLabels.PositionOf(tags[j]) is NerLabels.Begin or NerLabels.Inside
                && j + 1 < end
                && NerLabels.ClassOf(tags[j + 1]) == cls
                && NerLabels.PositionOf(tags[j + 1]) is NerLabels.Inside or NerLabels.Last)
            {
                j++;
                if (!confidence.IsEmpty)
                {
                    conf += confidence[j];
                }
            }

            // The mean over the mention's tokens: one unsure word of a long name should not sink it.
            mentions.Add(new NerMentionSpan(i, j - i + 1, cls, conf / (j - i + 1)));
            i = j + 1;
        }
    }
}
