using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Text.Tokenization;

/// <summary>The tokenizer's contract: tokens in order, non-empty, inside the text, covering every non-white-space character once.</summary>
internal static class TokenizerInvariants
{
    public static void AssertCoversNonWhiteSpace(string text, Token[] tokens)
    {
        int position = 0;
        foreach (Token token in tokens)
        {
            Assert.True(token.Start >= position, $"token {token} starts before the previous one ends ({position})");
            Assert.True(token.End > token.Start && token.End <= text.Length, $"token {token} is empty or outside the text");
            for (int i = position; i < token.Start; i++)
            {
                Assert.True(char.IsWhiteSpace(text[i]), $"character U+{(int)text[i]:X4} at {i} is in no token");
            }

            for (int i = token.Start; i < token.End; i++)
            {
                Assert.False(char.IsWhiteSpace(text[i]), $"token {token} contains white space at {i}");
            }

            position = token.End;
        }

        for (int i = position; i < text.Length; i++)
        {
            Assert.True(char.IsWhiteSpace(text[i]), $"character U+{(int)text[i]:X4} at {i} is in no token");
        }
    }
}
