namespace NewsExtract.Text.Tokenization;

/// <summary>
/// First, simple tokenizer: runs of letters and digits (with inner apostrophes, hyphens and
/// abbreviation periods) are words or numbers; every other non-space character is its own token.
/// Quote marks are classified as opening or closing by their neighbours.
/// </summary>
internal static class Tokenizer
{
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                bool digits = char.IsDigit(c);
                i++;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                    }
                    else if ((d is '\'' or '\u2019' or '-' or '.' or ',') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                    {
                        if (d == ',' && !digits)
                        {
                            break;
                        }

                        i += 2;
                    }
                    else if (d == '.' && !digits && i + 1 < text.Length && text[i - 2 >= start ? i - 2 : start] == '.')
                    {
                        // "U.S." keeps its final period.
                        i++;
                        break;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(new Token(start, i, digits ? TokenKind.Number : TokenKind.Word));
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
                tokens.Add(new Token(start, i, TokenKind.Symbol));
                continue;
            }

            i++;
            tokens.Add(new Token(start, i, ClassifyMark(text, start)));
        }

        return tokens.ToArray();
    }

    private static TokenKind ClassifyMark(string text, int index)
    {
        char c = text[index];
        switch (c)
        {
            case '\u201C' or '\u00AB' or '\u2018' or '\u201E':
                return TokenKind.OpeningQuote;
            case '\u201D' or '\u00BB':
                return TokenKind.ClosingQuote;
            case '"':
                bool spaceBefore = index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is '(' or '[' or '\u2014';
                return spaceBefore ? TokenKind.OpeningQuote : TokenKind.ClosingQuote;
            case '\u2019' or '\'':
                bool letterAfter = index + 1 < text.Length && char.IsLetter(text[index + 1]);
                bool letterBefore = index > 0 && char.IsLetterOrDigit(text[index - 1]);
                if (letterAfter && letterBefore)
                {
                    return TokenKind.Punctuation;
                }

                return c == '\u2019' && !letterAfter ? TokenKind.ClosingQuote : TokenKind.Punctuation;
            default:
                return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
        }
    }
}
