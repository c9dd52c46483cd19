namespace NewsExtract.Training.Evaluation;

/// <summary>
/// Rewrites an article's quotation marks to the British convention (single marks for top-level quotes,
/// double marks for nested ones), one character for one so gold offsets stay valid: “ → ‘, ” → ’,
/// " → ' (straight stays straight). A curly ‘ opened inside a double-marked quote becomes “ and the ’
/// that closes it (the next ’ not between two letters) becomes ”. Apostrophes and straight single marks
/// are left as they are (a straight ' nested in a straight " quote cannot be told from an apostrophe
/// reliably), so ’ is both apostrophe and closing mark, as in real British text. Nesting state ends at
/// each line break (paragraph).
/// </summary>
public static class QuoteStyleRewriter
{
    /// <summary>Rewrites <paramref name="text"/> to single top-level quote marks.</summary>
    /// <param name="text">The article text.</param>
    /// <returns>A string of the same length.</returns>
    public static string ToSingleMarks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[] chars = text.ToCharArray();
        bool inCurlyDouble = false;
        bool inStraightDouble = false;
        bool nested = false;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\n':
                    inCurlyDouble = inStraightDouble = nested = false;
                    break;
                case '\u201C':
                    chars[i] = '\u2018';
                    inCurlyDouble = true;
                    nested = false;
                    break;
                case '\u201D':
                    chars[i] = '\u2019';
                    inCurlyDouble = false;
                    nested = false;
                    break;
                case '"':
                    chars[i] = '\'';
                    inStraightDouble = !inStraightDouble;
                    nested = false;
                    break;
                case '\u2018':
                    if ((inCurlyDouble || inStraightDouble) && !nested)
                    {
                        chars[i] = '\u201C';
                        nested = true;
                    }

                    break;
                case '\u2019':
                    bool insideWord = i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]);
                    if (nested && !insideWord)
                    {
                        chars[i] = '\u201D';
                        nested = false;
                    }

                    break;
            }
        }

        return new string(chars);
    }

    /// <summary>The article with its text rewritten by <see cref="ToSingleMarks"/>; gold spans unchanged.</summary>
    /// <param name="article">The gold article.</param>
    /// <returns>The rewritten article.</returns>
    public static QuoteArticle ToSingleMarks(QuoteArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article with { Text = ToSingleMarks(article.Text) };
    }
}
