using NewsExtract.Resolution;

namespace NewsExtract.Tests.Resolution;

public class NameKeyTests
{
    [Theory]
    [InlineData("Riabkov", "Ryabkov")]
    [InlineData("Sergei", "Sergey")]
    [InlineData("Sergei", "Sergej")]
    [InlineData("Dmitri", "Dmitry")]
    [InlineData("Dmitri", "Dmitriy")]
    [InlineData("Gaddafi", "Qaddafi")]
    [InlineData("Kadhafi", "Gaddafi")]
    [InlineData("Zelensky", "Zelenskyy")]
    [InlineData("Aleksei", "Alexei")]
    [InlineData("Mueller", "M\u00FCller")]
    [InlineData("Mikhail", "Mihail")]
    [InlineData("al-Assad", "Assad")]
    public void Transliteration_SpellingVariants_SameName(string a, string b)
        => Assert.True(NameKey.SameName(Key(a), Key(b)), $"{Key(a)} vs {Key(b)}");

    [Theory]
    [InlineData("Miller", "Muller")]
    [InlineData("Hansen", "Jansen")]
    [InlineData("John", "Joan")]
    [InlineData("Bauer", "Baker")]
    [InlineData("Kennedy", "Kenney")]
    public void SameName_DifferentNames_False(string a, string b)
        => Assert.False(NameKey.SameName(Key(a), Key(b)), $"{Key(a)} vs {Key(b)}");

    [Fact]
    public void SameName_OneVowelInsertedInLongName_True()
        => Assert.True(NameKey.SameName(Key("Alexandr"), Key("Alexander")));

    [Theory]
    [InlineData("Erdo\u011Fan", "erdogan")]
    [InlineData("Nicol\u00E1s", "nicolas")]
    [InlineData("L\u00F3pez", "lopez")]
    [InlineData("\u0218tefan", "stefan")]
    [InlineData("plain", "plain")]
    public void Fold_LatinDiacritics_Removed(string input, string expected) => Assert.Equal(expected, NameKey.Fold(input));

    [Fact]
    public void Plain_DotsAndApostrophes_Removed()
    {
        Assert.Equal("us", NameKey.Plain("U.S."));
        Assert.Equal("obrien", NameKey.Plain("O\u2019Brien"));
    }

    private static string Key(string word) => NameKey.Transliteration(NameKey.Plain(word));
}
