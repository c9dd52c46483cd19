namespace NewsExtract.Resolution;

/// <summary>The shape test shared by the cleaner and the resolver: capitals and periods only ("OSCE", "U.S.").</summary>
internal static class AcronymShape
{
    /// <summary>Whether <paramref name="word"/> is 2 to <paramref name="maxLetters"/> capital letters, optionally with periods.</summary>
    public static bool Matches(ReadOnlySpan<char> word, int maxLetters)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (c != '.')
            {
                return false;
            }
        }

        return letters >= 2 && letters <= maxLetters;
    }
}
