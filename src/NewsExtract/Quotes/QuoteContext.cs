using System.Collections.Frozen;
using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Quotes;

/// <summary>
/// Per-document helpers shared by the quote rules: word tests on tokens, the mention covering a token,
/// and the resolution stage's <see cref="EntityIndex"/> and word lists (titles, honorifics, given names).
/// Sentence ends are read from the sentence layer. Lives for one call.
/// </summary>
internal sealed class QuoteContext
{
    private readonly int[] _tokenMention;

    public QuoteContext(QuoteLayers document, EntityIndex index, CueLexicon cues)
    {
        Document = document;
        Index = index;
        Text = document.Text;
        Tokens = document.Tokens;
        Cues = cues;
        _tokenMention = new int[Tokens.Length];
        Array.Fill(_tokenMention, -1);
        for (int m = 0; m < document.Mentions.Length; m++)
        {
            MentionInfo mention = document.Mentions[m];
            for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount && t < Tokens.Length; t++)
            {
                _tokenMention[t] = m;
            }
        }
    }

    /// <summary>The earlier layers the quote stage reads (read-only, by name).</summary>
    public QuoteLayers Document { get; }

    /// <summary>Whether candidate generation also yields loose reported speech (<see cref="LooseReason"/>) for the trained detector.</summary>
    public bool LooseCandidates { get; init; }

    public string Text { get; }

    public Token[] Tokens { get; }

    public CueLexicon Cues { get; }

    /// <summary>The structure stage's page furniture: captions, quoted sub-headings, labels, quoted stretches.</summary>
    public PageFurniture Furniture => Document.Furniture;

    /// <summary>The resolution stage's entity index: the only way the quote stage resolves a name.</summary>
    public EntityIndex Index { get; }

    /// <summary>The resolution stage's word lists (titles, honorifics, given names, organization suffixes).</summary>
    public ResolutionLexicons Lexicons { get; } = ResolutionLexicons.Default;

    /// <summary>
    /// Whether a token is a title, role word or honorific of the resolution stage's lists ("Mr.", "Sen",
    /// "minister", "deputy"), any case, dots ignored, also in the plural.
    /// </summary>
    public bool IsTitle(int token)
    {
        Span<char> buffer = stackalloc char[32];
        if (!Folded(token, buffer, out int n))
        {
            return false;
        }

        ReadOnlySpan<char> key = buffer[..n];
        if (Lexicons.Honorifics.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(key)
            || Lexicons.TitleHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key)
            || Lexicons.TitleModifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key))
        {
            return true;
        }

        return n > 3 && key[^1] == 's' && Lexicons.TitleHeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key[..^1]);
    }

    /// <summary>Whether a token is an honorific ("Mr.", "Dr", "Sen.") of the resolution stage's list.</summary>
    public bool IsHonorific(int token)
    {
        Span<char> buffer = stackalloc char[32];
        return Folded(token, buffer, out int n) && Lexicons.Honorifics.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(buffer[..n]);
    }

    /// <summary>Whether a capitalized token is a given name or an honorific of the resolution stage's lists (a person's name starts here).</summary>
    public bool IsGivenNameOrHonorific(int token)
    {
        Span<char> buffer = stackalloc char[32];
        if (!IsCapitalized(token) || !Folded(token, buffer, out int n))
        {
            return false;
        }

        return Lexicons.Honorifics.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(buffer[..n])
            || Lexicons.FirstNames.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(buffer[..n]);
    }

    /// <summary>A token's word lower-cased without dots, as the resolution lexicons key it.</summary>
    private bool Folded(int token, Span<char> buffer, out int length)
    {
        length = 0;
        ReadOnlySpan<char> word = Span(token);
        if (word.Length > buffer.Length || Tokens[token].Kind != TokenKind.Word)
        {
            return false;
        }

        foreach (char ch in word)
        {
            if (ch != '.')
            {
                buffer[length++] = char.ToLowerInvariant(ch);
            }
        }

        return length > 0;
    }

    public ReadOnlySpan<char> Span(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    public string Word(int token) => Text.Substring(Tokens[token].Start, Tokens[token].Length);

    public bool IsWord(int token) => Tokens[token].Kind == TokenKind.Word;

    public bool IsCapitalized(int token)
        => (Tokens[token].Kind is TokenKind.Word or TokenKind.Number) && char.IsUpper(Text[Tokens[token].Start]);

    public bool IsLower(int token) => Tokens[token].Kind == TokenKind.Word && char.IsLower(Text[Tokens[token].Start]);

    public bool Is(int token, string word) => Span(token).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool In(int token, FrozenSet<string> set) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Span(token));

    public bool IsPunct(int token, char c) => Tokens[token].Length == 1 && Text[Tokens[token].Start] == c;

    /// <summary>A quote mark or a token holding one (either tokenizer version).</summary>
    public bool IsQuoteMark(int token)
    {
        if (Tokens[token].Kind is TokenKind.OpeningQuote or TokenKind.ClosingQuote)
        {
            return true;
        }

        return Tokens[token].Length == 1 && Text[Tokens[token].Start] is '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u2018' or '\u2019' or '\'';
    }

    /// <summary>A dash used as punctuation (em, en, or a spaced hyphen).</summary>
    public bool IsDash(int token) => Tokens[token].Length <= 2 && Text[Tokens[token].Start] is '\u2014' or '\u2013' or '-' or '\u2015';

    public bool EndsSentence(int token) => Tokens[token].Kind == TokenKind.Punctuation && Text[Tokens[token].Start] is '.' or '!' or '?';

    /// <summary>
    /// Whether a token is a hyphen glued to capitalized words on both sides ("Wilson-Raybould"), which the
    /// tokenizer splits into three tokens and the recognizer may tag as two names.
    /// </summary>
    public bool IsGluedHyphen(int token)
        => token > 0 && token + 1 < Tokens.Length && Tokens[token].Length == 1 && Text[Tokens[token].Start] is '-' or '\u2010' or '\u2011'
            && Tokens[token - 1].End == Tokens[token].Start && Tokens[token].End == Tokens[token + 1].Start
            && IsCapitalized(token - 1) && IsCapitalized(token + 1);

    /// <summary>The mention covering a token, or -1.</summary>
    public int MentionAt(int token) => token >= 0 && token < _tokenMention.Length ? _tokenMention[token] : -1;

    /// <summary>The index of the first token starting at or after an offset.</summary>
    public int TokenAt(int offset) => Document.TokenIndexAtOrAfter(offset);

    /// <summary>The index one past the last token ending at or before an offset.</summary>
    public int TokenBefore(int offset)
    {
        int i = Document.TokenIndexAtOrAfter(offset);
        while (i > 0 && Tokens[i - 1].End > offset)
        {
            i--;
        }

        return i;
    }
}
