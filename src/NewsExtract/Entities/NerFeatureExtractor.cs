using System.Numerics;

namespace NewsExtract.Entities;

/// <summary>
/// The one feature code path of the entity tagger, used by the trainer, the evaluator and the
/// pipeline. Every feature is a 64-bit hash of a template id and a value; the model maps the hashes
/// it kept to weight rows. Features: word, lowercase form, shape, prefixes and suffixes, a ±2 window,
/// capitalization and position, headline (title case or all caps) context, word clusters, gazetteer
/// n-gram matches, document-wide usage of the word and, in the second pass, first-pass predictions
/// for the same word elsewhere in the document.
/// </summary>
internal sealed class NerFeatureExtractor
{
    /// <summary>An upper bound on the features of one token.</summary>
    public const int MaxFeatures = 512;

    /// <summary>Longest gazetteer or custom-name match, in tokens.</summary>
    public const int MaxNameTokens = 6;

    private const ulong Bos = 0x5EED_0000_0000_0001UL;
    private const ulong Eos = 0x5EED_0000_0000_0002UL;

    private readonly NerLexicon _clusters;
    private readonly NerLexicon _gazetteer;

    public NerFeatureExtractor(NerLexicon clusters, NerLexicon gazetteer)
    {
        _clusters = clusters;
        _gazetteer = gazetteer;
    }

    private enum T : ulong
    {
        Bias = 1, Word, HeadWord, Lower, Shape, Prefix, Suffix, LowerM1, LowerP1, LowerM2, LowerP2, WordM1, WordP1,
        BigramL, BigramR, ShapeL, ShapeR, Shape3, Flags, Length, Cluster, ClusterM1, ClusterP1, Gaz, GazCap,
        GazM1, GazP1, Doc, PassMajority, PassHas, PassSelf, PassPrev, PassNext, FlagsM1, FlagsP1, WordFlags,
    }

    /// <summary>Computes the per-token facts of a document. Pass first-pass tags for the second pass.</summary>
    public NerDocumentState Prepare(NerInput input, ReadOnlySpan<int> firstPass)
    {
        var state = new NerDocumentState(input);
        NerSentence[] sentences = input.Sentences;
        for (int s = 0; s < sentences.Length; s++)
        {
            NerSentence sentence = sentences[s];
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int i = sentence.FirstToken; i < end; i++)
            {
                ReadOnlySpan<char> token = input.TokenText(i);
                NerTokenFlags flags = Orthography(token);
                if (sentence.IsHeadline)
                {
                    flags |= NerTokenFlags.Headline;
                }

                if (i == sentence.FirstToken)
                {
                    flags |= NerTokenFlags.SentenceInitial;
                }

                state.Flags[i] = flags;
                state.Sentence[i] = s;
                state.Word[i] = NerHash.Word(token);
                state.Lower[i] = NerHash.Lower(token);
                state.Shape[i] = ShapeHash(token);
                state.Cluster[i] = LookUpCluster(token, state.Word[i], sentence.IsHeadline);
                ref NerDocumentCounts counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                    state.Counts, state.Lower[i], out _);
                if ((flags & NerTokenFlags.Headline) == 0)
                {
                    if ((flags & NerTokenFlags.AllLower) != 0)
                    {
                        counts.Lower++;
                    }
                    else if (IsInsideCapitalized(flags))
                    {
                        counts.CapitalizedInside++;
                    }
                }

            }

            MatchGazetteer(state, sentence.FirstToken, end);
        }

        if (!firstPass.IsEmpty)
        {
            SetFirstPass(state, firstPass);
        }

        return state;
    }

    /// <summary>Adds the first pass's tags to a prepared document, for the second pass's features.</summary>
    public static void SetFirstPass(NerDocumentState state, ReadOnlySpan<int> firstPass)
    {
        if (state.HasFirstPass)
        {
            throw new InvalidOperationException("The first pass is already set.");
        }

        foreach (NerSentence sentence in state.Input.Sentences)
        {
            for (int i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(state.Counts, state.Lower[i]).AddClass(NerLabels.ClassOf(firstPass[i]));
            }
        }

        firstPass.CopyTo(state.FirstPass);
        state.HasFirstPass = true;
    }

    /// <summary>Writes the feature hashes of token <paramref name="i"/> and returns how many.</summary>
    public int Extract(NerDocumentState state, int i, Span<ulong> features)
    {
        NerInput input = state.Input;
        NerSentence sentence = input.Sentences[state.Sentence[i]];
        int first = sentence.FirstToken;
        int end = first + sentence.TokenCount;
        NerTokenFlags flags = state.Flags[i];
        bool headline = sentence.IsHeadline;
        ulong h = headline ? 1UL : 0UL;
        int n = 0;

        ulong lower = state.Lower[i];
        ulong lowerM1 = i - 1 >= first ? state.Lower[i - 1] : Bos;
        ulong lowerM2 = i - 2 >= first ? state.Lower[i - 2] : Bos;
        ulong lowerP1 = i + 1 < end ? state.Lower[i + 1] : Eos;
        ulong lowerP2 = i + 2 < end ? state.Lower[i + 2] : Eos;
        ulong shape = state.Shape[i];
        ulong shapeM1 = i - 1 >= first ? state.Shape[i - 1] : Bos;
        ulong shapeP1 = i + 1 < end ? state.Shape[i + 1] : Eos;

        features[n++] = Key(T.Bias, h);
        features[n++] = headline ? Key(T.HeadWord, lower) : Key(T.Word, state.Word[i]);
        features[n++] = Key(T.Lower, lower);
        features[n++] = Key(T.Shape, NerHash.Mix(shape, h));
        features[n++] = Key(T.Flags, (ulong)flags);
        features[n++] = Key(T.WordFlags, NerHash.Mix(lower, (ulong)(flags & (NerTokenFlags.Capitalized | NerTokenFlags.SentenceInitial | NerTokenFlags.Headline))));

        ReadOnlySpan<char> token = input.TokenText(i);
        int length = token.Length;
        features[n++] = Key(T.Length, (ulong)Math.Min(length, 12));
        ulong pre = NerHash.Seed;
        for (int k = 0; k < 4 && k < length - 1; k++)
        {
            pre = NerHash.Add(pre, NerHash.LowerChar(token[k]));
            features[n++] = Key(T.Prefix, pre);
        }

        ulong suf = NerHash.Seed;
        for (int k = 0; k < 4 && k < length - 1; k++)
        {
            suf = NerHash.Add(suf, NerHash.LowerChar(token[length - 1 - k]));
            features[n++] = Key(T.Suffix, suf);
        }

        features[n++] = Key(T.LowerM1, lowerM1);
        features[n++] = Key(T.LowerP1, lowerP1);
        features[n++] = Key(T.LowerM2, lowerM2);
        features[n++] = Key(T.LowerP2, lowerP2);
        if (!headline)
        {
            features[n++] = Key(T.WordM1, i - 1 >= first ? state.Word[i - 1] : Bos);
            features[n++] = Key(T.WordP1, i + 1 < end ? state.Word[i + 1] : Eos);
        }

        features[n++] = Key(T.BigramL, NerHash.Mix(lowerM1, lower));
        features[n++] = Key(T.BigramR, NerHash.Mix(lower, lowerP1));
        features[n++] = Key(T.ShapeL, NerHash.Mix(shapeM1, shape, h));
        features[n++] = Key(T.ShapeR, NerHash.Mix(shape, shapeP1, h));
        features[n++] = Key(T.Shape3, NerHash.Mix(shapeM1, shape, shapeP1));
        features[n++] = Key(T.FlagsM1, i - 1 >= first ? (ulong)state.Flags[i - 1] : 0x1000);
        features[n++] = Key(T.FlagsP1, i + 1 < end ? (ulong)state.Flags[i + 1] : 0x1000);

        n = AddCluster(features, n, T.Cluster, state.Cluster[i], full: true);
        if (i - 1 >= first)
        {
            n = AddCluster(features, n, T.ClusterM1, state.Cluster[i - 1], full: false);
        }

        if (i + 1 < end)
        {
            n = AddCluster(features, n, T.ClusterP1, state.Cluster[i + 1], full: false);
        }

        ulong cap = (ulong)(flags & (NerTokenFlags.Capitalized | NerTokenFlags.Headline));
        n = AddGazetteer(features, n, state.GazBegin[i], NerLabels.Begin, cap);
        n = AddGazetteer(features, n, state.GazInside[i], NerLabels.Inside, cap);
        n = AddGazetteer(features, n, state.GazLast[i], NerLabels.Last, cap);
        n = AddGazetteer(features, n, state.GazUnit[i], NerLabels.Unit, cap);
        if (i - 1 >= first)
        {
            n = AddNeighbourGazetteer(features, n, T.GazM1, AnyGazetteer(state, i - 1));
        }

        if (i + 1 < end)
        {
            n = AddNeighbourGazetteer(features, n, T.GazP1, AnyGazetteer(state, i + 1));
        }

        if ((flags & NerTokenFlags.HasLetter) != 0 && state.Counts.TryGetValue(lower, out NerDocumentCounts counts))
        {
            int lowerElsewhere = counts.Lower - ((flags & NerTokenFlags.AllLower) != 0 && !headline ? 1 : 0);
            int capElsewhere = counts.CapitalizedInside - (!headline && IsInsideCapitalized(flags) ? 1 : 0);
            ulong doc = (lowerElsewhere > 0 ? 1UL : 0) | (capElsewhere > 0 ? 2UL : 0)
                | ((ulong)(flags & (NerTokenFlags.Capitalized | NerTokenFlags.SentenceInitial | NerTokenFlags.Headline)) << 2);
            features[n++] = Key(T.Doc, doc);

            if (state.HasFirstPass)
            {
                int self = NerLabels.ClassOf(state.FirstPass[i]);
                int best = 0;
                int bestCount = 0;
                for (int c = 1; c <= 4; c++)
                {
                    int count = counts.ClassCount(c) - (self == c ? 1 : 0);
                    if (count > 0)
                    {
                        features[n++] = Key(T.PassHas, NerHash.Mix((ulong)c, h));
                        if (count > bestCount)
                        {
                            best = c;
                            bestCount = count;
                        }
                    }
                }

                features[n++] = Key(T.PassMajority, NerHash.Mix((ulong)best, cap));
            }
        }

        if (state.HasFirstPass)
        {
            features[n++] = Key(T.PassSelf, (ulong)state.FirstPass[i]);
            features[n++] = Key(T.PassPrev, i - 1 >= first ? (ulong)state.FirstPass[i - 1] : 0xFFFF);
            features[n++] = Key(T.PassNext, i + 1 < end ? (ulong)state.FirstPass[i + 1] : 0xFFFF);
        }

        return n;
    }

    /// <summary>The orthographic flags of a token (same rules for CoNLL tokens and runtime tokens).</summary>
    public static NerTokenFlags Orthography(ReadOnlySpan<char> token)
    {
        bool letter = false;
        bool digit = false;
        bool upper = false;
        bool lower = false;
        bool other = false;
        foreach (char c in token)
        {
            if (char.IsLetter(c))
            {
                letter = true;
                upper |= char.IsUpper(c);
                lower |= char.IsLower(c);
            }
            else if (char.IsDigit(c))
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        NerTokenFlags flags = NerTokenFlags.None;
        if (letter)
        {
            flags |= NerTokenFlags.HasLetter;
            if (char.IsUpper(token[0]))
            {
                flags |= NerTokenFlags.Capitalized;
            }

            if (upper && !lower)
            {
                flags |= NerTokenFlags.AllCaps;
            }

            if (lower && !upper)
            {
                flags |= NerTokenFlags.AllLower;
            }
        }

        if (digit)
        {
            flags |= NerTokenFlags.HasDigit;
        }

        if (!letter && !digit && other)
        {
            flags |= NerTokenFlags.Punctuation;
        }

        return flags;
    }

    private static bool IsInsideCapitalized(NerTokenFlags flags)
        => (flags & (NerTokenFlags.Capitalized | NerTokenFlags.SentenceInitial | NerTokenFlags.AllCaps)) == NerTokenFlags.Capitalized;

    private static ulong Key(T template, ulong value) => NerHash.Mix((ulong)template, value);

    /// <summary>A compressed shape: X for capitals, x for lowercase, d for digits, other characters as
    /// they are (normalized), runs collapsed.</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> token)
    {
        ulong hash = NerHash.Seed;
        char last = '\0';
        foreach (char raw in token)
        {
            char c = NerHash.Normalize(raw);
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) || char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s != last)
            {
                hash = NerHash.Add(hash, s);
                last = s;
            }
        }

        return hash;
    }

    private int LookUpCluster(ReadOnlySpan<char> token, ulong word, bool headline)
    {
        if (!headline)
        {
            return _clusters.TryGetValue(word, out int code) ? code : -1;
        }

        // Headline words lose their case: look up the title-case form, then the lowercase form.
        ulong title = NerHash.Seed;
        ulong lower = NerHash.Seed;
        for (int k = 0; k < token.Length; k++)
        {
            char c = NerHash.Normalize(token[k]);
            char l = char.ToLowerInvariant(c);
            title = NerHash.Add(title, k == 0 ? char.ToUpperInvariant(c) : l);
            lower = NerHash.Add(lower, l);
        }

        if (_clusters.TryGetValue(title, out int t))
        {
            return t;
        }

        return _clusters.TryGetValue(lower, out int lc) ? lc : -1;
    }

    private void MatchGazetteer(NerDocumentState state, int first, int end)
    {
        if (_gazetteer.Count == 0)
        {
            return;
        }

        NerInput input = state.Input;
        for (int i = first; i < end; i++)
        {
            ulong hash = NerHash.Seed;
            int chars = 0;
            for (int j = i; j < end && j < i + MaxNameTokens; j++)
            {
                ReadOnlySpan<char> token = input.TokenText(j);
                chars += token.Length;
                if (chars > 64)
                {
                    break;
                }

                hash = NerHash.AddNameChars(hash, token, ignoreCase: true, out bool any);
                if (!any)
                {
                    if (j == i)
                    {
                        break;
                    }

                    continue;
                }

                if (_gazetteer.TryGetValue(hash, out int mask) && mask != 0)
                {
                    uint m = (uint)mask;
                    if (j == i)
                    {
                        state.GazUnit[i] |= m;
                    }
                    else
                    {
                        state.GazBegin[i] |= m;
                        for (int k = i + 1; k < j; k++)
                        {
                            state.GazInside[k] |= m;
                        }

                        state.GazLast[j] |= m;
                    }
                }
            }
        }
    }

    private static uint AnyGazetteer(NerDocumentState state, int i)
        => state.GazBegin[i] | state.GazInside[i] | state.GazLast[i] | state.GazUnit[i];

    private static int AddCluster(Span<ulong> features, int n, T template, int code, bool full)
    {
        if (code < 0)
        {
            features[n++] = Key(template, 0xFFFF_FFFF);
            return n;
        }

        int depth = code >> 24;
        int bits = code & 0xFFFFFF;
        ReadOnlySpan<int> prefixes = full ? [4, 6, 10, 32] : [6, 32];
        foreach (int p in prefixes)
        {
            int take = Math.Min(p, depth);
            ulong prefix = (uint)(bits >> (depth - take)) | ((ulong)take << 32);
            features[n++] = Key(template, prefix);
            if (take == depth)
            {
                break;
            }
        }

        return n;
    }

    private static int AddGazetteer(Span<ulong> features, int n, uint mask, int position, ulong cap)
    {
        while (mask != 0)
        {
            int category = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            ulong value = ((ulong)category << 4) | (uint)position;
            features[n++] = Key(T.Gaz, value);
            features[n++] = Key(T.GazCap, (value << 8) | cap);
        }

        return n;
    }

    private static int AddNeighbourGazetteer(Span<ulong> features, int n, T template, uint mask)
    {
        while (mask != 0)
        {
            int category = BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            features[n++] = Key(template, (ulong)category);
        }

        return n;
    }
}
