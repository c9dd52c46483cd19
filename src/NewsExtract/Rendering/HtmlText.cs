namespace NewsExtract.Rendering;

/// <summary>
/// Writes untrusted text into HTML, as element content or as a double-quoted attribute value.
/// </summary>
/// <remarks>
/// The five markup characters become character references, so nothing in the text can open or close a
/// tag, end an attribute value or start a comment. Characters that HTML treats as parse errors (C0 and
/// C1 controls other than tab, line feed, form feed and carriage return, noncharacters) and lone
/// surrogates become U+FFFD: the page stays valid HTML and valid UTF-8 whatever the article holds.
/// </remarks>
internal static class HtmlText
{
    private const char Replacement = '\uFFFD';

    /// <summary>Writes <paramref name="text"/> HTML-encoded.</summary>
    public static void Write(TextWriter writer, ReadOnlySpan<char> text)
    {
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? entity = null;
            char replacement = '\0';
            int width = 1;
            switch (c)
            {
                case '&':
                    entity = "&amp;";
                    break;
                case '<':
                    entity = "&lt;";
                    break;
                case '>':
                    entity = "&gt;";
                    break;
                case '"':
                    entity = "&quot;";
                    break;
                case '\'':
                    entity = "&#39;";
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                        {
                            replacement = Replacement;
                            width = 2;
                        }
                        else
                        {
                            i++;
                            continue;
                        }
                    }
                    else if (IsUnsafe(c))
                    {
                        replacement = Replacement;
                    }
                    else
                    {
                        continue;
                    }

                    break;
            }

            writer.Write(text[run..i]);
            if (entity is not null)
            {
                writer.Write(entity);
            }
            else
            {
                writer.Write(replacement);
            }

            i += width - 1;
            run = i + 1;
        }

        writer.Write(text[run..]);
    }

    /// <summary>Whether a single UTF-16 unit must not reach the page as is.</summary>
    private static bool IsUnsafe(char c)
        => c < ' '
            ? c is not ('\t' or '\n' or '\f' or '\r')
            : (c >= '\u007F' && c <= '\u009F') || char.IsSurrogate(c) || (c >= '\uFDD0' && c <= '\uFDEF') || c >= '\uFFFE';

    private static bool IsNoncharacter(int codePoint) => (codePoint & 0xFFFE) == 0xFFFE;
}
