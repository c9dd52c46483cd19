using NewsExtract.Text.Tokenization;

namespace NewsExtract.Structure;

/// <summary>
/// The page-furniture stage: reads the text, the layout and the tokens and returns the
/// <see cref="PageFurniture"/> layer (photo captions, quoted sub-headings, section labels, and each
/// paragraph's quoted stretches). Stateless and thread-safe.
/// </summary>
internal sealed class PageFurnitureFinder
{
    /// <summary>The longest quoted phrase, in words, that can be a sub-heading.</summary>
    private const int MaxHeadingWords = 10;

    /// <summary>The longest credit, in characters from its opening bracket, that marks a photo caption.</summary>
    private const int MaxCreditLength = 60;

    /// <summary>The shortest all-capitals word that can be a label ("WATCH", "ANALYSIS"; not "US").</summary>
    private const int MinLabelLength = 3;

    public PageFurniture Find(string text, ArticleLayout layout, Token[] tokens)
    {
        Paragraph[] paragraphs = layout.Paragraphs;
        var captions = new bool[paragraphs.Length];
        var headingStarts = new int[paragraphs.Length];
        var regions = new QuoteRegion[paragraphs.Length][];
        for (int p = 0; p < paragraphs.Length; p++)
        {
            Paragraph paragraph = paragraphs[p];
            headingStarts[p] = -1;
            captions[p] = IsPhotoCaption(text, paragraph);
            if (paragraph.Kind == ParagraphKind.Boilerplate || captions[p])
            {
                regions[p] = [];
                continue;
            }

            bool nextOpensSingle = p + 1 < paragraphs.Length && paragraphs[p + 1].Kind != ParagraphKind.Boilerplate
                && QuoteMarkScanner.OpensWithSingleMark(text, paragraphs[p + 1].Start, paragraphs[p + 1].End);
            List<QuoteRegion> found = QuoteMarkScanner.Scan(text, paragraph.Start, paragraph.End, nextOpensSingle);
            regions[p] = [.. found];
            foreach (QuoteRegion region in found)
            {
                if (IsQuotedHeading(text, paragraph, region))
                {
                    headingStarts[p] = region.ContentStart;
                    break;
                }
            }
        }

        MarkSecondaryStyle(regions);
        return new PageFurniture(captions, headingStarts, regions, LabelTokens(text, tokens));
    }

    /// <summary>
    /// The article's quote-mark style is the one most of its top-level quotes use (double on a tie): British
    /// and Irish outlets quote in single marks and nest double ones, North American ones the other way round.
    /// Regions in the other style are marked <see cref="QuoteRegion.Secondary"/>.
    /// </summary>
    private static void MarkSecondaryStyle(QuoteRegion[][] regions)
    {
        int singles = 0;
        int doubles = 0;
        foreach (QuoteRegion[] paragraph in regions)
        {
            foreach (QuoteRegion region in paragraph)
            {
                if (region.Single)
                {
                    singles++;
                }
                else
                {
                    doubles++;
                }
            }
        }

        bool primarySingle = singles > doubles;
        foreach (QuoteRegion[] paragraph in regions)
        {
            for (int r = 0; r < paragraph.Length; r++)
            {
                paragraph[r] = paragraph[r] with { Secondary = paragraph[r].Single != primarySingle };
            }
        }
    }

    /// <summary>A photo caption: a paragraph ending in a credit such as "(Jane Doe/CBC)".</summary>
    private static bool IsPhotoCaption(string text, Paragraph paragraph)
    {
        int end = paragraph.End;
        while (end > paragraph.Start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == paragraph.Start || text[end - 1] != ')')
        {
            return false;
        }

        int open = text.LastIndexOf('(', end - 1, end - paragraph.Start);
        return open >= 0 && end - open < MaxCreditLength && text.AsSpan(open, end - open).Contains('/');
    }

    /// <summary>A paragraph that is only a short quoted phrase without final punctuation: a sub-heading.</summary>
    private static bool IsQuotedHeading(string text, Paragraph paragraph, QuoteRegion region)
    {
        ReadOnlySpan<char> rest = text.AsSpan(paragraph.Start, paragraph.End - paragraph.Start).Trim();
        int words = 1;
        foreach (char ch in text.AsSpan(region.ContentStart, region.ContentEnd - region.ContentStart))
        {
            if (ch == ' ')
            {
                words++;
            }
        }

        return rest.Length <= region.ContentEnd - region.ContentStart + 3 && words <= MaxHeadingWords && !region.EndsLikeSpeech(text);
    }

    /// <summary>The tokens that are all-capitals words of three or more characters right before a colon token, in order.</summary>
    private static int[] LabelTokens(string text, Token[] tokens)
    {
        var labels = new List<int>();
        for (int t = 0; t + 1 < tokens.Length; t++)
        {
            if (tokens[t].Length >= MinLabelLength && tokens[t + 1].Length == 1 && text[tokens[t + 1].Start] == ':'
                && !HasLowerCase(text.AsSpan(tokens[t].Start, tokens[t].Length)))
            {
                labels.Add(t);
            }
        }

        return [.. labels];
    }

    private static bool HasLowerCase(ReadOnlySpan<char> word)
    {
        foreach (char ch in word)
        {
            if (char.IsLower(ch))
            {
                return true;
            }
        }

        return false;
    }
}
