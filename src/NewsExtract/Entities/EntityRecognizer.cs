using System.Buffers;
using System.Collections.Frozen;
using NewsExtract.Internal;
using NewsExtract.Lexicons;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Entities;

/// <summary>
/// The entity-mention stage: runs the statistical tagger (<see cref="NerTagger"/>) over the article,
/// makes the types of repeated names agree across the article, and applies the user's own names,
/// which win over the model. Immutable and thread-safe.
/// </summary>
internal sealed class EntityRecognizer
{
    /// <summary>Longest user name, in tokens.</summary>
    public const int MaxCustomNameTokens = 10;

    /// <summary>Mentions less sure than this may take their document's majority type.</summary>
    private const float WeakMention = 0.6f;

    private static readonly Lazy<FrozenSet<string>> s_placeFeatureNouns = new(() => LoadWords("place-feature-nouns"));
    private static readonly Lazy<FrozenSet<string>> s_nameParticles = new(() => LoadWords("name-particles"));

    private readonly NerModel? _model;
    private readonly NerLexicon _customNames;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _placeFeatureNouns;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameParticles;

    /// <summary>Uses the embedded model, loaded on first use.</summary>
    public EntityRecognizer()
        : this(null, null)
    {
    }

    /// <param name="model">The model, or null for the embedded one.</param>
    /// <param name="customNames">The user's names with their types; matched case-sensitively, ignoring punctuation and spacing.</param>
    public EntityRecognizer(NerModel? model, IEnumerable<KeyValuePair<string, EntityType>>? customNames)
    {
        _model = model;
        _placeFeatureNouns = s_placeFeatureNouns.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        _nameParticles = s_nameParticles.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var keys = new List<ulong>();
        var types = new List<int>();
        var seen = new HashSet<ulong>();
        if (customNames is not null)
        {
            foreach (KeyValuePair<string, EntityType> pair in customNames)
            {
                ulong key = NerHash.Name(pair.Key, ignoreCase: false);
                if (seen.Add(key))
                {
                    keys.Add(key);
                    types.Add((int)pair.Value);
                }
            }
        }

        _customNames = new NerLexicon(keys.ToArray(), types.ToArray());
    }

    public NerModel Model => _model ?? NerModel.Default;

    /// <summary>The recognizer stage: reads the text, layout, tokens and sentences and returns the tagger's mentions.</summary>
    public MentionInfo[] Recognize(string text, ArticleLayout layout, Token[] tokens, SentenceInfo[] sentences)
    {
        if (tokens.Length == 0 || sentences.Length == 0)
        {
            return [];
        }

        NerModel model = Model;
        NerInput input = BuildInput(text, layout, tokens, sentences);
        int n = input.Tokens.Length;
        int[] tags = ArrayPool<int>.Shared.Rent(n);
        float[] confidence = ArrayPool<float>.Shared.Rent(n);
        var spans = new List<NerMentionSpan>();
        try
        {
            NerTagger.Tag(model, input, tags.AsSpan(0, n), confidence.AsSpan(0, n));
            foreach (NerSentence sentence in input.Sentences)
            {
                NerSpans.Collect(sentence, tags, confidence, spans);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tags);
            ArrayPool<float>.Shared.Return(confidence);
        }

        MakeConsistent(input, spans, model.Classes.Length);
        var mentions = new List<MentionInfo>(spans.Count);
        foreach (NerMentionSpan span in spans)
        {
            if (model.ClassTypes[span.Class] is EntityType type)
            {
                NerMentionSpan name = type == EntityType.Person ? TrimLowercaseHead(input, span, _nameParticles) : span;
                name = name with { TokenCount = TrimLowercaseTail(input, name, _placeFeatureNouns) };
                (int first, int count) = ToSource(input, name.FirstToken, name.TokenCount);
                int lists = GazetteerMask(model, input, span.FirstToken, span.TokenCount);
                mentions.Add(ToMention(tokens, first, count, type, model.Calibrate(span.Confidence)) with
                {
                    // A curated organization list and no place list; any place list.
                    ListedOrganization = (lists & model.CuratedOrganizationMask) != 0 && (lists & model.LocationMask) == 0,
                    ListedPlace = (lists & model.LocationMask) != 0,
                });
            }
        }

        if (_customNames.Count > 0)
        {
            ApplyCustomNames(input, tokens, mentions);
        }

        return mentions.ToArray();
    }

    /// <summary>Builds the tagger's view of the article: sentences of tokens, with headlines (title and
    /// heading paragraphs, or sentences in capitals) marked so the tagger does not trust their case.
    /// A word the tokenizer split at an inner hyphen ("Heung-min", "Wilson-Raybould", "US-led": parts
    /// written together, no space) is one tagger token, as in the training data's tokenization, so a
    /// mention can never start or end inside a written word.</summary>
    public static NerInput BuildInput(string text, ArticleLayout layout, Token[] source, SentenceInfo[] sentences)
    {
        Paragraph[] paragraphs = layout.Paragraphs;
        var result = new NerSentence[sentences.Length];
        Token[]? merged = null;
        int[]? sourceFirst = null;
        int count = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            SentenceInfo sentence = sentences[s];
            bool headline = sentence.Paragraph >= 0 && sentence.Paragraph < paragraphs.Length
                && paragraphs[sentence.Paragraph].Kind is ParagraphKind.Title or ParagraphKind.Heading;
            headline |= IsAllCaps(text, source, sentence.FirstToken, sentence.TokenCount);
            int first = count;
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int i = sentence.FirstToken; i < end; i++)
            {
                int last = i;
                while (last + 2 < end && IsInnerHyphen(text, source, last))
                {
                    last += 2;
                }

                if (last != i && merged is null)
                {
                    // First join in the document: from here on the tagger's tokens differ from the document's.
                    merged = new Token[source.Length];
                    sourceFirst = new int[source.Length + 1];
                    for (int k = 0; k < count; k++)
                    {
                        merged[k] = source[k];
                        sourceFirst[k] = k;
                    }
                }

                if (merged is not null)
                {
                    merged[count] = new Token(source[i].Start, source[last].End, source[i].Kind);
                    sourceFirst![count] = i;
                }

                count++;
                i = last;
            }

            result[s] = new NerSentence(first, count - first, headline);
        }

        if (merged is null)
        {
            return new NerInput(text, source, result);
        }

        sourceFirst![count] = source.Length;
        return new NerInput(text, merged.AsSpan(0, count).ToArray(), result, sourceFirst.AsSpan(0, count + 1).ToArray());
    }

    /// <summary>A name does not end in a lowercase word ("the RTVI radio station" names "RTVI"): trailing
    /// all-lowercase tokens are dropped from a mention of two or more tokens (runtime only; `eval ner` scores
    /// the tagger's spans). A geographic feature noun stays: news writes "the Crimean peninsula" and
    /// "the Yangtze river" in lower case (lexicon <c>place-feature-nouns</c>).</summary>
    private static int TrimLowercaseTail(NerInput input, NerMentionSpan span, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> placeFeatureNouns)
    {
        int count = span.TokenCount;
        while (count > 1)
        {
            ReadOnlySpan<char> last = input.TokenText(span.FirstToken + count - 1);
            if (!IsAllLowercaseWord(last) || placeFeatureNouns.Contains(last))
            {
                break;
            }

            count--;
        }

        return count;
    }

    /// <summary>A person's name does not start with a lowercase word: the tagger sometimes takes in the
    /// role or occupation written before it ("said farmer Ahmed Sadiq", "economist Lena Ortiz"), so leading
    /// tokens with letters and no capital are dropped (runtime only, like the tail rule), except a surname
    /// particle ("van der Berg", "bin Rashed", "de Souza"; lexicon <c>name-particles</c>), which belongs to
    /// the name. A hyphenated "al-Nasser" is one tagger token with a capital, so it stays. One token always
    /// remains, and nothing is dropped when no remaining word has a capital (text written in lower case,
    /// "john smith said").</summary>
    internal static NerMentionSpan TrimLowercaseHead(NerInput input, NerMentionSpan span, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> nameParticles)
    {
        int skip = 0;
        while (skip < span.TokenCount - 1)
        {
            ReadOnlySpan<char> word = input.TokenText(span.FirstToken + skip);
            if (!IsUncasedWord(word) || nameParticles.Contains(word))
            {
                break;
            }

            skip++;
        }

        if (skip == 0 || !HasCasedWordFrom(input, span.FirstToken + skip, span.FirstToken + span.TokenCount))
        {
            // Text written without capitals ("john smith said") gives no evidence that the head is not the name.
            return span;
        }

        return span with { FirstToken = span.FirstToken + skip, TokenCount = span.TokenCount - skip };
    }

    private static bool HasCasedWordFrom(NerInput input, int first, int end)
    {
        for (int t = first; t < end; t++)
        {
            ReadOnlySpan<char> word = input.TokenText(t);
            if (word.Length > 0 && !IsUncasedWord(word) && char.IsLetter(word[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name-particles lexicon, for <see cref="TrimLowercaseHead"/>.</summary>
    internal static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameParticles
        => s_nameParticles.Value.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Letters, and none of them a capital ("farmer", "ex-minister").</summary>
    private static bool IsUncasedWord(ReadOnlySpan<char> token)
    {
        bool letters = false;
        foreach (char c in token)
        {
            if (char.IsUpper(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.TitlecaseLetter)
            {
                return false;
            }

            letters |= char.IsLetter(c);
        }

        return letters;
    }

    private static FrozenSet<string> LoadWords(string lexicon)
    {
        var words = new List<string>();
        foreach (string entry in LexiconRegistry.Get(lexicon).Entries)
        {
            words.Add(Lexicon.Key(entry));
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private static bool IsAllLowercaseWord(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return token.Length > 0;
    }

    /// <summary>Whether tokens i, i+1, i+2 are a word, a hyphen and a word written without spaces.</summary>
    private static bool IsInnerHyphen(string text, Token[] tokens, int i)
    {
        Token hyphen = tokens[i + 1];
        return hyphen.Length == 1 && text[hyphen.Start] is '-' or '\u2010' or '\u2011'
            && tokens[i].End == hyphen.Start && hyphen.End == tokens[i + 2].Start
            && char.IsLetterOrDigit(text[tokens[i].End - 1]) && char.IsLetterOrDigit(text[tokens[i + 2].Start]);
    }

    /// <summary>The document token range of a range of tagger tokens.</summary>
    private static (int First, int Count) ToSource(NerInput input, int first, int count)
    {
        if (input.SourceFirst is not int[] map)
        {
            return (first, count);
        }

        int start = map[first];
        return (start, map[first + count] - start);
    }

    /// <summary>The training data's headline rule: more than one token, letters, and no lowercase letter.</summary>
    public static bool IsAllCaps(string text, Token[] tokens, int first, int count)
    {
        if (count < 2)
        {
            return false;
        }

        bool letters = false;
        for (int i = first; i < first + count; i++)
        {
            foreach (char c in text.AsSpan(tokens[i].Start, tokens[i].Length))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters |= char.IsLetter(c);
            }
        }

        return letters;
    }

    /// <summary>
    /// Gives a weak mention the type that most mentions of the same surface form in the document have
    /// (weighted by confidence): one article rarely uses one name for two kinds of thing.
    /// </summary>
    public static void MakeConsistent(NerInput input, List<NerMentionSpan> spans, int classes)
    {
        if (spans.Count < 2)
        {
            return;
        }

        var votes = new Dictionary<ulong, float[]>();
        var keys = new ulong[spans.Count];
        for (int m = 0; m < spans.Count; m++)
        {
            NerMentionSpan span = spans[m];
            ulong key = NerHash.Seed;
            for (int t = span.FirstToken; t < span.FirstToken + span.TokenCount; t++)
            {
                key = NerHash.AddNameChars(key, input.TokenText(t), ignoreCase: true, out _);
            }

            keys[m] = key;
            if (!votes.TryGetValue(key, out float[]? v))
            {
                v = new float[classes + 1];
                votes[key] = v;
            }

            v[span.Class] += span.Confidence;
        }

        for (int m = 0; m < spans.Count; m++)
        {
            float[] v = votes[keys[m]];
            int best = spans[m].Class;
            for (int c = 1; c <= classes; c++)
            {
                if (v[c] > v[best])
                {
                    best = c;
                }
            }

            // Only a weak mention yields, and only to a clear majority: the second pass already sees the
            // document's first-pass predictions, and on the dev set forcing agreement outright cost F1.
            if (best != spans[m].Class && spans[m].Confidence < WeakMention && v[best] > 2 * v[spans[m].Class])
            {
                spans[m] = spans[m] with { Class = best };
            }
        }
    }

    /// <summary>The gazetteer lists the tokens' whole name is on (the model's list bits), 0 when none or too long a span.</summary>
    private static int GazetteerMask(NerModel model, NerInput input, int first, int count)
    {
        if (count > MaxCustomNameTokens)
        {
            return 0;
        }

        ulong hash = NerHash.Seed;
        for (int t = first; t < first + count; t++)
        {
            hash = NerHash.AddNameChars(hash, input.TokenText(t), ignoreCase: true, out _);
        }

        return model.Gazetteer.TryGetValue(hash, out int mask) ? mask : 0;
    }

    private static MentionInfo ToMention(Token[] tokens, int first, int count, EntityType type, float confidence)
        => new(tokens[first].Start, tokens[first + count - 1].End, first, count, type, MathF.Round(confidence, 3));

    /// <summary>The user's names win: each longest match replaces the model mentions it overlaps.</summary>
    private void ApplyCustomNames(NerInput input, Token[] sourceTokens, List<MentionInfo> mentions)
    {
        var added = new List<MentionInfo>();
        foreach (NerSentence sentence in input.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            int i = sentence.FirstToken;
            while (i < end)
            {
                int matchEnd = -1;
                int matchType = 0;
                ulong hash = NerHash.Seed;
                for (int j = i; j < end && j < i + MaxCustomNameTokens; j++)
                {
                    hash = NerHash.AddNameChars(hash, input.TokenText(j), ignoreCase: false, out bool any);
                    if (!any)
                    {
                        if (j == i)
                        {
                            break;
                        }

                        continue;
                    }

                    if (_customNames.TryGetValue(hash, out int type))
                    {
                        matchEnd = j;
                        matchType = type;
                    }
                }

                if (matchEnd < 0)
                {
                    i++;
                    continue;
                }

                (int first, int count) = ToSource(input, i, matchEnd - i + 1);
                added.Add(ToMention(sourceTokens, first, count, (EntityType)matchType, 1f));
                i = matchEnd + 1;
            }
        }

        if (added.Count == 0)
        {
            return;
        }

        mentions.RemoveAll(m => Overlaps(m, added));
        mentions.AddRange(added);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static bool Overlaps(MentionInfo mention, List<MentionInfo> added)
    {
        foreach (MentionInfo other in added)
        {
            if (mention.Start < other.End && other.Start < mention.End)
            {
                return true;
            }
        }

        return false;
    }
}
