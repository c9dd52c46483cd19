namespace NewsExtract.Text.Tokenization;

/// <summary>The lexical class of a token.</summary>
public enum TokenKind : byte
{
    /// <summary>A word, clitic ("n't", "'s") or abbreviation.</summary>
    Word = 0,

    /// <summary>A number, including decimals, thousands separators, ordinals and times.</summary>
    Number = 1,

    /// <summary>Punctuation other than quote marks.</summary>
    Punctuation = 2,

    /// <summary>A symbol such as a currency sign, percent sign or mathematical operator.</summary>
    Symbol = 3,

    /// <summary>A quote mark that opens a quotation.</summary>
    OpeningQuote = 4,

    /// <summary>A quote mark that closes a quotation.</summary>
    ClosingQuote = 5,

    /// <summary>A web address.</summary>
    Url = 6,

    /// <summary>An e-mail address.</summary>
    Email = 7,

    /// <summary>A social-media handle such as <c>@name</c>.</summary>
    Handle = 8,

    /// <summary>A hashtag such as <c>#topic</c>.</summary>
    Hashtag = 9,

    /// <summary>An emoji or pictograph.</summary>
    Emoji = 10,
}
