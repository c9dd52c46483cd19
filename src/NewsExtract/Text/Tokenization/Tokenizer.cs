namespace NewsExtract.Text.Tokenization;

/// <summary>The pipeline's entry to <see cref="TextTokenizer"/> (kept for callers inside the library).</summary>
internal static class Tokenizer
{
    public static Token[] Tokenize(string text) => TextTokenizer.Tokenize(text);
}
