using System.Collections.Frozen;
using NewsExtract.Lexicons;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Quotes;

/// <summary>
/// The speech-verb lexicon (embedded <c>CueVerbs.txt</c>): every inflected form, looked up by its first
/// word; particle verbs ("pointed out") match over several tokens.
/// </summary>
internal sealed class CueLexicon
{
    private static readonly Lazy<CueLexicon> s_default = new(() => new CueLexicon(LexiconRegistry.Get("cue-verbs").Entries));

    private readonly FrozenDictionary<string, CueVerb[]> _byFirstWord;
    private readonly FrozenDictionary<string, CueVerb[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CueLexicon(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, List<CueVerb>>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            bool needsThat = line[0] == '!';
            string[] forms = line.TrimStart('!').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string lemma = forms[0];
            foreach (string form in forms)
            {
                string[] words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!map.TryGetValue(words[0], out List<CueVerb>? list))
                {
                    list = [];
                    map[words[0]] = list;
                }

                list.Add(new CueVerb(words, lemma, needsThat));
            }
        }

        // Longer forms first so "pointed out" wins over a bare "pointed".
        _byFirstWord = map.ToFrozenDictionary(
            p => p.Key,
            p => p.Value.OrderByDescending(v => v.Words.Length).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static CueLexicon Default => s_default.Value;

    /// <summary>Matches a speech verb starting at token <paramref name="index"/>; returns the number of tokens matched (0 when none).</summary>
    public int Match(string text, Token[] tokens, int index, int limit, out CueVerb? verb)
    {
        verb = null;
        if (index >= limit || tokens[index].Kind != TokenKind.Word || !_lookup.TryGetValue(text.AsSpan(tokens[index].Start, tokens[index].Length), out CueVerb[]? candidates))
        {
            return 0;
        }

        // A verb glued to a hyphen is part of a compound ("so-called", "much-told"), not a speech cue;
        // the UD-style tokenizer splits such compounds into separate tokens.
        int start = tokens[index].Start;
        if (start > 0 && text[start - 1] is '-' or '\u2010' or '\u2011')
        {
            return 0;
        }

        foreach (CueVerb candidate in candidates)
        {
            int n = candidate.Words.Length;
            if (index + n > limit)
            {
                continue;
            }

            bool all = true;
            for (int k = 1; k < n && all; k++)
            {
                all = text.AsSpan(tokens[index + k].Start, tokens[index + k].Length).Equals(candidate.Words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (all)
            {
                verb = candidate;
                return n;
            }
        }

        return 0;
    }
}
