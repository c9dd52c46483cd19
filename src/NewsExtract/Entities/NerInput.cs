using NewsExtract.Text.Tokenization;

namespace NewsExtract.Entities;

/// <summary>
/// One document as the tagger sees it: the text, its tokens and sentences. The pipeline builds it from
/// an analysed article; the trainer and the evaluator build it from CoNLL tokens joined by spaces, so
/// both go through the same feature code.
/// </summary>
internal sealed class NerInput
{
    public NerInput(string text, Token[] tokens, NerSentence[] sentences, int[]? sourceFirst = null)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        SourceFirst = sourceFirst;
    }

    /// <summary>When the tagger's tokens join several of the document's tokens (a hyphenated word the
    /// tokenizer split), the index of each tagger token's first document token, plus one last entry
    /// (the document's token count); null when the tokens are the document's.</summary>
    public int[]? SourceFirst { get; }

    public string Text { get; }

    public Token[] Tokens { get; }

    public NerSentence[] Sentences { get; }

    public ReadOnlySpan<char> TokenText(int index) => Text.AsSpan(Tokens[index].Start, Tokens[index].Length);

    /// <summary>Builds a document from pre-split sentences of tokens (CoNLL data).</summary>
    public static NerInput FromTokens(IReadOnlyList<string[]> sentences)
    {
        var builder = new System.Text.StringBuilder();
        var tokens = new List<Token>();
        var spans = new NerSentence[sentences.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            string[] words = sentences[s];
            int first = tokens.Count;
            bool letters = false;
            bool lower = false;
            foreach (string word in words)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                int start = builder.Length;
                builder.Append(word);
                tokens.Add(new Token(start, builder.Length, TokenKind.Word));
                foreach (char c in word)
                {
                    letters |= char.IsLetter(c);
                    lower |= char.IsLower(c);
                }
            }

            // CoNLL headlines are in capitals; that is the only headline signal the data has.
            bool headline = letters && !lower && words.Length > 1;
            spans[s] = new NerSentence(first, words.Length, headline);
        }

        return new NerInput(builder.ToString(), tokens.ToArray(), spans);
    }
}
