using System.Runtime.CompilerServices;
using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Text.Sentences;

/// <summary>
/// Splits the tokens of each paragraph into sentences. Sentences never cross paragraphs; a title or
/// heading paragraph is one sentence; boilerplate paragraphs yield none. Inside body text a trained
/// boundary model (<see cref="SentenceModel"/>, features in <see cref="SentenceFeatures"/>) decides at
/// every candidate position: a token that could end a sentence (final punctuation, a closing quote or
/// bracket, an abbreviation, an emoji, a colon) or the gap before a token that could start one. The
/// rules that came before the model stay as one of its features (where they would split) and as hard
/// constraints: a line break before a list marker or after a short unpunctuated line, and a rule of
/// asterisks, always end a sentence; a title ("Dr.") before a name never does; URLs, e-mail addresses
/// and numbers are single tokens and so never split.
/// </summary>
/// <remarks>Stateless and thread-safe; linear in the number of tokens.</remarks>
internal sealed class SentenceSplitter
{
    private const int ShortLineTokens = 8;

    private const int StackMarks = 1024;

    private readonly SentenceModel _model;

    public SentenceSplitter()
        : this(SentenceModel.Default)
    {
    }

    public SentenceSplitter(SentenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public SentenceInfo[] Split(string text, Token[] tokens, ArticleLayout layout)
    {
        var decider = new ModelDecider(_model);
        return Split(text, tokens, layout, ref decider);
    }

    /// <summary>
    /// Splits with <paramref name="decider"/> taking the decision at each candidate position; the
    /// trainer passes one that records the features and answers with the gold label.
    /// </summary>
    internal static SentenceInfo[] Split<TDecider>(string text, Token[] tokens, ArticleLayout layout, ref TDecider decider)
        where TDecider : struct, ISentenceBoundaryDecider
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(layout);

        var sentences = new SentenceList((tokens.Length / 16) + 4);
        try
        {
            int t = 0;
            for (int p = 0; p < layout.Paragraphs.Length; p++)
            {
                Paragraph paragraph = layout.Paragraphs[p];
                while (t < tokens.Length && tokens[t].Start < paragraph.Start)
                {
                    t++;
                }

                int first = t;
                while (t < tokens.Length && tokens[t].End <= paragraph.End)
                {
                    t++;
                }

                if (paragraph.Kind == ParagraphKind.Boilerplate || first == t)
                {
                    continue;
                }

                if (paragraph.Kind is ParagraphKind.Title or ParagraphKind.Heading)
                {
                    sentences.Add(tokens, first, t - 1, p);
                    continue;
                }

                SplitParagraph(text, tokens, first, t, p, ref sentences, ref decider);
            }

            return sentences.ToArray();
        }
        finally
        {
            sentences.Dispose();
        }
    }

    private static void SplitParagraph<TDecider>(string text, Token[] tokens, int first, int end, int paragraph, ref SentenceList sentences, ref TDecider decider)
        where TDecider : struct, ISentenceBoundaryDecider
    {
        int count = end - first;
        byte[]? rented = null;
        Span<byte> marks = count <= StackMarks ? stackalloc byte[count] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(count));
        marks = marks[..count];
        marks.Clear();
        try
        {
            MarkByRules(text, tokens, first, end, marks);

            // The shipped model sums the weights as the features are computed (no buffers); a decider of
            // the trainer gets them in buffers. Both run the same feature code.
            bool direct = typeof(TDecider) == typeof(ModelDecider);
            Span<ulong> features = direct ? default : stackalloc ulong[SentenceFeatures.MaxFeatures];
            Span<int> gate = direct ? default : stackalloc int[SentenceGate.FeatureCount];
            Decide(text, tokens, first, end, paragraph, marks, features, gate, ref sentences, ref decider);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The decisions of one paragraph, left to right. Kept apart from the buffers' <see langword="stackalloc"/>
    /// above: a method with one is compiled once without tiering, so this loop would lose the optimizations
    /// of tiered compilation (profile-guided layout, static fields known to be initialized).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Decide<TDecider>(string text, Token[] tokens, int first, int end, int paragraph, ReadOnlySpan<byte> marks, Span<ulong> features, Span<int> gate, ref SentenceList sentences, ref TDecider decider)
        where TDecider : struct, ISentenceBoundaryDecider
    {
        bool direct = typeof(TDecider) == typeof(ModelDecider);
        var state = new SentenceFeatures.State(first);
        for (int i = first; i < end - 1; i++)
        {
            state.Observe(text, tokens[i]);
            RuleMark mark = (RuleMark)marks[i - first];
            if (mark == RuleMark.None && !SentenceFeatures.IsCandidate(text, tokens, i))
            {
                continue;
            }

            bool split;
            if (mark == RuleMark.Forced)
            {
                split = true;
            }
            else if (direct)
            {
                split = ((ModelDecider)(object)decider).IsEnd(text, tokens, i, first, end, mark == RuleMark.Split, ref state);
            }
            else
            {
                // The cheap gate first; only the candidates it passes pay for the full hashed features.
                split = false;
                bool full = true;
                if (decider.UsesGate)
                {
                    SentenceGate.Extract(text, tokens, i, first, end, mark == RuleMark.Split, ref state, gate);
                    full = decider.NeedsFullFeatures(tokens, i, gate, out split);
                }

                if (full)
                {
                    int n = SentenceFeatures.Extract(text, tokens, i, first, end, mark == RuleMark.Split, ref state, features);
                    split = decider.Decide(tokens, i, features[..n]);
                }
            }

            if (split)
            {
                sentences.Add(tokens, state.SentenceFirst, i, paragraph);
                state.SentenceFirst = i + 1;
            }
        }

        sentences.Add(tokens, state.SentenceFirst, end - 1, paragraph);
    }

    /// <summary>What the rules say about the gap after a token.</summary>
    internal enum RuleMark : byte
    {
        None = 0,

        /// <summary>The rules would end a sentence here; the model weighs it as a feature.</summary>
        Split = 1,

        /// <summary>A layout constraint: always an end.</summary>
        Forced = 2,
    }

    /// <summary>
    /// The rule-based splitter: marks, for each token of the paragraph, whether a sentence ends after it
    /// (<see cref="RuleMark.Split"/>), or must end after it (<see cref="RuleMark.Forced"/>: list items and
    /// short lines after a line break, rules of asterisks).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MarkByRules(string text, Token[] tokens, int first, int end, Span<byte> marks)
    {
        int sentenceFirst = first;
        for (int i = first; i < end; i++)
        {
            Token token = tokens[i];

            // Most tokens are words after a single space: nothing to decide.
            if (token.Kind is TokenKind.Word or TokenKind.Number && text[token.End - 1] != '.'
                && i > first && (token.Start == tokens[i - 1].End || (token.Start == tokens[i - 1].End + 1 && text[token.Start - 1] == ' ')))
            {
                continue;
            }

            if (i > sentenceFirst && StartsNewLineItem(text, tokens, i))
            {
                marks[i - 1 - first] = (byte)RuleMark.Forced;
                sentenceFirst = i;
            }

            if (IsSeparatorLine(text, token))
            {
                // A rule of asterisks, underscores or equals signs stands alone.
                if (i > first)
                {
                    marks[i - 1 - first] = (byte)RuleMark.Forced;
                }

                marks[i - first] = (byte)RuleMark.Forced;
                sentenceFirst = i + 1;
                continue;
            }

            if (IsLetterPhraseComma(text, tokens, sentenceFirst, i, end))
            {
                marks[i - first] = (byte)RuleMark.Split;
                sentenceFirst = i + 1;
                continue;
            }

            Terminal terminal = GetTerminal(text, token);
            if (terminal == Terminal.None)
            {
                continue;
            }

            if (IsListNumber(text, tokens, sentenceFirst, i))
            {
                continue;
            }

            int last = i;
            while (last + 1 < end && IsTrailer(text, tokens[last + 1]))
            {
                last++;
            }

            if (last + 1 < end && !StartsSentence(text, tokens, i, last + 1, end, terminal))
            {
                i = last;
                continue;
            }

            marks[last - first] = (byte)RuleMark.Split;
            sentenceFirst = last + 1;
            i = last;
        }
    }

    /// <summary>Scores candidates with the trained model.</summary>
    private readonly struct ModelDecider(SentenceModel model) : ISentenceBoundaryDecider
    {
        public bool UsesGate => model.HasGate;

        public bool NeedsFullFeatures(Token[] tokens, int index, ReadOnlySpan<int> gate, out bool split) => model.NeedsFullScore(gate, out split);

        public bool Decide(Token[] tokens, int index, ReadOnlySpan<ulong> features) => model.ScoreUnits(features) > 0;

        /// <summary>
        /// The same decision as <see cref="NeedsFullFeatures"/> then <see cref="Decide"/>, with the weights
        /// summed as the features are computed: the gate first, and the full features only for a score between
        /// its two thresholds (below the first: not an end; at or above the second: an end).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool IsEnd(string text, Token[] tokens, int index, int first, int end, bool ruleSplit, ref SentenceFeatures.State state)
        {
            if (model.HasGate)
            {
                int score = GateScore(model, text, tokens, index, first, end, ruleSplit, ref state);
                if (score < model.GateThreshold)
                {
                    return false;
                }

                if (score >= model.GateHighThreshold)
                {
                    return true;
                }
            }

            return FullScore(model, text, tokens, index, first, end, ruleSplit, ref state) > 0;
        }

        // Out of line, so that the gate's feature code and its weight sums are inlined here in full: inside the
        // large decision loop the JIT runs out of its inlining budget and would call the small helpers instead.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int GateScore(SentenceModel model, string text, Token[] tokens, int index, int first, int end, bool ruleSplit, ref SentenceFeatures.State state)
        {
            SentenceModel.GateScorer gate = model.CreateGateScorer();
            SentenceGate.Extract(text, tokens, index, first, end, ruleSplit, ref state, ref gate);
            return gate.Sum;
        }

        // Out of line: only the candidates the gate leaves open (about a tenth) get here.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int FullScore(SentenceModel model, string text, Token[] tokens, int index, int first, int end, bool ruleSplit, ref SentenceFeatures.State state)
        {
            // A fixed-size local rather than a stackalloc, so that this method is compiled with tiering too.
            FeatureBuffer buffer = default;
            Span<ulong> features = buffer;
            int n = SentenceFeatures.Extract(text, tokens, index, first, end, ruleSplit, ref state, features);
            return model.ScoreUnits(features[..n]);
        }

        [InlineArray(SentenceFeatures.MaxFeatures)]
        private struct FeatureBuffer
        {
            private ulong _element;
        }
    }

    /// <summary>The sentences found so far, in a pooled buffer (the result is one array of the exact size).</summary>
    private struct SentenceList : IDisposable
    {
        private SentenceInfo[] _items;
        private int _count;

        public SentenceList(int capacity)
        {
            _items = System.Buffers.ArrayPool<SentenceInfo>.Shared.Rent(capacity);
            _count = 0;
        }

        public void Add(Token[] tokens, int first, int last, int paragraph)
        {
            if (_count == _items.Length)
            {
                SentenceInfo[] larger = System.Buffers.ArrayPool<SentenceInfo>.Shared.Rent(_items.Length * 2);
                _items.AsSpan(0, _count).CopyTo(larger);
                System.Buffers.ArrayPool<SentenceInfo>.Shared.Return(_items);
                _items = larger;
            }

            _items[_count++] = new SentenceInfo(tokens[first].Start, tokens[last].End, first, last - first + 1, paragraph);
        }

        public readonly SentenceInfo[] ToArray() => _items.AsSpan(0, _count).ToArray();

        public void Dispose()
        {
            if (_items.Length != 0)
            {
                System.Buffers.ArrayPool<SentenceInfo>.Shared.Return(_items);
                _items = [];
            }
        }
    }

    private enum Terminal
    {
        None,

        /// <summary>'.', '!', '?' or a run of them.</summary>
        Strong,

        /// <summary>An ellipsis: ends a sentence only before a clear sentence start.</summary>
        Ellipsis,

        /// <summary>An abbreviation with its period: ends a sentence only before a clear sentence start.</summary>
        Abbreviation,

        /// <summary>An emoji or emoticon: ends a sentence before a capitalized word.</summary>
        Soft,

        /// <summary>A colon: a candidate only when the options allow it.</summary>
        Colon,
    }

    private static Terminal GetTerminal(string text, Token token)
    {
        if (token.Kind is TokenKind.Word or TokenKind.Number && text[token.End - 1] != '.')
        {
            return Terminal.None;
        }

        ReadOnlySpan<char> span = text.AsSpan(token.Start, token.Length);
        char lastChar = span[^1];
        switch (token.Kind)
        {
            case TokenKind.Punctuation:
                if (lastChar is '!' or '?' || (lastChar == '.' && span.Length == 1) || span.Contains('!') || span.Contains('?'))
                {
                    return Terminal.Strong;
                }

                if (lastChar is '.' or '\u2026')
                {
                    return Terminal.Ellipsis;
                }

                return lastChar == ':' && span.Length == 1 ? Terminal.Colon : Terminal.None;
            case TokenKind.Word when lastChar == '.' && span.Length > 1:
                // An initial ("J.") or a title ("Dr.") comes before a name: never an end.
                return span.Length == 2 || TokenizerLexicon.IsTitle(span) ? Terminal.None : Terminal.Abbreviation;
            case TokenKind.Emoji:
                return Terminal.Soft;
            default:
                return Terminal.None;
        }
    }

    /// <summary>
    /// The comma after a letter's sign-off that makes up its whole sentence ("Thanks,", "Best regards,") or
    /// after a short greeting ("Dear Ms. Smith,", "Hi all,") ends the sentence when a capitalized word follows.
    /// </summary>
    private static bool IsLetterPhraseComma(string text, Token[] tokens, int sentenceFirst, int index, int end)
    {
        Token comma = tokens[index];
        int words = index - sentenceFirst;
        if (words is < 1 or > 4 || comma.Length != 1 || text[comma.Start] != ',' || index + 1 >= end)
        {
            return false;
        }

        Token next = tokens[index + 1];
        if (next.Kind != TokenKind.Word || !char.IsUpper(text[next.Start]))
        {
            return false;
        }

        Token first = tokens[sentenceFirst];
        if (SentenceLexicon.IsGreeting(text.AsSpan(first.Start, first.Length)))
        {
            return words >= 2;
        }

        // Single spaces only, so the span can be looked up as it stands.
        Token last = tokens[index - 1];
        ReadOnlySpan<char> phrase = text.AsSpan(first.Start, last.End - first.Start);
        return phrase.Length <= 20 && phrase.Count(' ') == words - 1 && SentenceLexicon.IsSignOff(phrase);
    }

    /// <summary>The period of a list number ("3. Change the date") at the start of a sentence is not an end.</summary>
    private static bool IsListNumber(string text, Token[] tokens, int sentenceFirst, int index)
    {
        Token period = tokens[index];
        if (period.Length != 1 || text[period.Start] != '.' || index == sentenceFirst)
        {
            return false;
        }

        Token number = tokens[index - 1];
        int numberIndex = index - 1;
        bool atStart = numberIndex == sentenceFirst
            || (numberIndex == sentenceFirst + 1 && text[tokens[sentenceFirst].Start] is '*' or '-' or '(' or '#');
        return atStart && number.Kind == TokenKind.Number && number.Length <= 3 && number.End == period.Start;
    }

    private static bool IsSeparatorLine(string text, Token token)
    {
        if (token.Length < 3 || token.Kind is not (TokenKind.Punctuation or TokenKind.Symbol))
        {
            return false;
        }

        // Only a free-standing rule: "**NOTE**" decorates a word rather than separating sentences.
        char c = text[token.Start];
        return c is '*' or '_' or '=' or '~' or '#'
            && (token.Start == 0 || char.IsWhiteSpace(text[token.Start - 1]))
            && (token.End == text.Length || char.IsWhiteSpace(text[token.End]))
            && text.AsSpan(token.Start, token.Length).IndexOfAnyExcept(c) < 0;
    }

    /// <summary>Closing quotes, closing brackets and further final punctuation stay with the sentence they close.</summary>
    private static bool IsTrailer(string text, Token token)
    {
        if (token.Kind is TokenKind.ClosingQuote or TokenKind.Emoji)
        {
            return true;
        }

        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        char c = text[token.Start];
        return c is ')' or ']' or '}' or '.' or '!' or '?' or '\u2026';
    }

    private static bool StartsSentence(string text, Token[] tokens, int terminalIndex, int index, int end, Terminal terminal)
    {
        Token next = tokens[index];
        if (next.Kind == TokenKind.OpeningQuote || (next.Kind == TokenKind.Punctuation && text[next.Start] is '(' or '['))
        {
            if (terminal == Terminal.Colon || index + 1 >= end)
            {
                return terminal != Terminal.Colon;
            }

            Token after = tokens[index + 1];
            char a = text[after.Start];
            return char.IsUpper(a) || (terminal == Terminal.Strong && (char.IsDigit(a) || after.Kind == TokenKind.OpeningQuote));
        }

        char c = text[next.Start];
        bool upper = char.IsUpper(c);
        switch (terminal)
        {
            case Terminal.Strong:
                if (upper || next.Kind is TokenKind.Handle or TokenKind.Hashtag or TokenKind.Url or TokenKind.Email)
                {
                    return true;
                }

                if (next.Kind == TokenKind.Number)
                {
                    return next.Start > tokens[index - 1].End;
                }

                // Informal text starts sentences in lower case; a quotation that ends in '!' or '?' and goes
                // on in lower case ("Go!" he said) does not end the sentence.
                return next.Kind == TokenKind.Word && char.IsLower(c) && !HasClosingQuote(tokens, terminalIndex, index);
            case Terminal.Colon:
                return false;
            case Terminal.Soft:
                return upper && next.Kind == TokenKind.Word;
            case Terminal.Ellipsis:
                return upper && next.Kind == TokenKind.Word;
            default:
                return next.Kind == TokenKind.Word && upper && TokenizerLexicon.IsSentenceStarter(text.AsSpan(next.Start, next.Length));
        }
    }

    private static bool HasClosingQuote(Token[] tokens, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (tokens[k].Kind == TokenKind.ClosingQuote)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A line break followed by a list marker, or by a capital after a line with no final punctuation.</summary>
    private static bool StartsNewLineItem(string text, Token[] tokens, int index)
    {
        Token previous = tokens[index - 1];
        Token token = tokens[index];
        int gapLength = token.Start - previous.End;
        if (gapLength == 0 || (gapLength == 1 && text[previous.End] == ' '))
        {
            return false;
        }

        ReadOnlySpan<char> gap = text.AsSpan(previous.End, token.Start - previous.End);
        if (!gap.Contains('\n'))
        {
            return false;
        }

        char c = text[token.Start];
        if (c is '-' or '*' or '\u2022' or '\u00B7' or '\u2013' or '\u2014' || (token.Kind == TokenKind.Number && index + 1 < tokens.Length
            && text[tokens[index + 1].Start] is '.' or ')' && tokens[index + 1].Start == token.End))
        {
            return true;
        }

        char p = text[previous.End - 1];
        if (!char.IsUpper(c) || p is ',' or ';' or ':' or '-' or '(' or '&' or '/')
        {
            return false;
        }

        // A short unpunctuated line is a heading or a list item; a long one is running text wrapped by hand.
        int lineTokens = 0;
        for (int k = index - 1; k >= 0 && lineTokens <= ShortLineTokens; k--)
        {
            lineTokens++;
            if (k == 0 || text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).Contains('\n'))
            {
                break;
            }
        }

        return lineTokens <= ShortLineTokens;
    }
}
