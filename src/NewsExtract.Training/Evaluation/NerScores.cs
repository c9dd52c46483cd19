using System.Globalization;
using System.Text;
using NewsExtract.Training.Ner;

namespace NewsExtract.Training.Evaluation;

/// <summary>conlleval-style scores: a predicted chunk is correct when its span and type equal a gold chunk's.</summary>
public sealed class NerScores
{
    private readonly SortedDictionary<string, (int Gold, int Predicted, int Correct)> _counts = new(StringComparer.Ordinal);

    /// <summary>Errors by kind: wrong type (same span), wrong boundary (overlapping span), missed, spurious.</summary>
    public SortedDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<NerTypeScore> Types
    {
        get
        {
            var list = new List<NerTypeScore>();
            foreach (KeyValuePair<string, (int Gold, int Predicted, int Correct)> pair in _counts)
            {
                list.Add(new NerTypeScore(pair.Key, pair.Value.Gold, pair.Value.Predicted, pair.Value.Correct));
            }

            return list;
        }
    }

    public NerTypeScore Micro
    {
        get
        {
            int g = 0;
            int p = 0;
            int c = 0;
            foreach ((int gold, int predicted, int correct) in _counts.Values)
            {
                g += gold;
                p += predicted;
                c += correct;
            }

            return new NerTypeScore("micro", g, p, c);
        }
    }

    /// <summary>Adds one document's gold and predicted chunks.</summary>
    public void Add(IReadOnlyList<ConllChunk> gold, IReadOnlyList<ConllChunk> predicted)
    {
        var goldSet = new HashSet<ConllChunk>(gold);
        foreach (ConllChunk chunk in gold)
        {
            Bump(chunk.Type, gold: 1);
        }

        foreach (ConllChunk chunk in predicted)
        {
            Bump(chunk.Type, predicted: 1, correct: goldSet.Contains(chunk) ? 1 : 0);
        }

        var predictedSet = new HashSet<ConllChunk>(predicted);
        foreach (ConllChunk g in gold)
        {
            if (predictedSet.Contains(g))
            {
                continue;
            }

            string kind = "missed";
            foreach (ConllChunk p in predicted)
            {
                if (p.FirstToken == g.FirstToken && p.TokenCount == g.TokenCount)
                {
                    kind = $"type {g.Type}->{p.Type}";
                    break;
                }

                if (p.FirstToken < g.FirstToken + g.TokenCount && g.FirstToken < p.FirstToken + p.TokenCount)
                {
                    kind = "boundary";
                }
            }

            CountError($"{kind} ({g.Type})");
        }

        foreach (ConllChunk p in predicted)
        {
            bool overlaps = false;
            foreach (ConllChunk g in gold)
            {
                overlaps |= p.FirstToken < g.FirstToken + g.TokenCount && g.FirstToken < p.FirstToken + p.TokenCount;
            }

            if (!overlaps)
            {
                CountError($"spurious ({p.Type})");
            }
        }
    }

    private void CountError(string kind)
    {
        Errors.TryGetValue(kind, out int count);
        Errors[kind] = count + 1;
    }

    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine("type    precision  recall      F1    gold  predicted  correct");
        foreach (NerTypeScore s in Types)
        {
            Line(sb, s);
        }

        Line(sb, Micro);
        sb.Append("errors (gold chunks not found, by kind; predicted chunks overlapping no gold chunk):").Append('\n');
        foreach (KeyValuePair<string, int> error in Errors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {error.Key,-22} {error.Value,6}").Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"micro F1: {Micro.F1:0.00}").Append('\n');
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, NerTypeScore s)
        => sb.Append(CultureInfo.InvariantCulture, $"{s.Type,-6} {s.Precision,10:0.00} {s.Recall,7:0.00} {s.F1,7:0.00} {s.Gold,7} {s.Predicted,10} {s.Correct,8}").Append('\n');

    private void Bump(string type, int gold = 0, int predicted = 0, int correct = 0)
    {
        _counts.TryGetValue(type, out (int Gold, int Predicted, int Correct) c);
        _counts[type] = (c.Gold + gold, c.Predicted + predicted, c.Correct + correct);
    }
}
