using System.Collections.Frozen;
using NewsExtract.Internal;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Quotes;

/// <summary>
/// Per-document helpers shared by the quote rules: word tests on tokens, the mention covering a token,
/// and where sentences end. Lives for one call.
/// </summary>
internal sealed class QuoteContext
{
    private readonly int[] _tokenMention;

    public QuoteContext(AnalysisDocument document, CueLexicon cues, GenderLexicon genders)
    {
        Document = document;
        Text = document.Text;
        Tokens = document.Tokens;
        Cues = cues;
        Genders = genders;
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

    public AnalysisDocument Document { get; }

    public string Text { get; }

    public Token[] Tokens { get; }

    public CueLexicon Cues { get; }

    public GenderLexicon Genders { get; }

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
