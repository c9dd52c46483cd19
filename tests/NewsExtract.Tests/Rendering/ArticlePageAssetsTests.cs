using System.Globalization;
using System.Text.RegularExpressions;
using NewsExtract.Rendering;

namespace NewsExtract.Tests.Rendering;

public sealed partial class ArticlePageAssetsTests
{
    [Theory]
    [InlineData("fg", "per-bg")]
    [InlineData("fg", "org-bg")]
    [InlineData("fg", "loc-bg")]
    [InlineData("fg", "q-bg")]
    [InlineData("fg", "panel")]
    [InlineData("muted", "bg")]
    [InlineData("muted", "panel")]
    [InlineData("muted", "per-bg")]
    [InlineData("muted", "org-bg")]
    [InlineData("muted", "loc-bg")]
    [InlineData("muted", "q-bg")]
    [InlineData("bg", "per")]
    [InlineData("bg", "org")]
    [InlineData("bg", "loc")]
    [InlineData("bg", "q")]
    [InlineData("bg", "none")]
    [InlineData("q", "panel")]
    public void Css_ColourPairs_MeetWcagAaContrast(string foreground, string background)
    {
        Dictionary<string, string> colours = Variables();
        double ratio = Contrast(colours[foreground], colours[background]);
        Assert.True(ratio >= 4.5, $"--{foreground} on --{background}: {ratio:F2}:1 is below 4.5:1");
    }

    [Fact]
    public void Assets_AreAsciiWithoutMarkupThatCouldEndTheirElement()
    {
        foreach (string asset in new[] { ArticlePageAssets.Css, ArticlePageAssets.Script })
        {
            Assert.All(asset, c => Assert.True(c < 0x80, "non-ASCII character in an asset"));
            Assert.DoesNotContain("<", asset, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Variables()
    {
        var colours = new Dictionary<string, string>();
        foreach (Match m in Variable().Matches(ArticlePageAssets.Css))
        {
            colours.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        }

        return colours;
    }

    private static double Contrast(string a, string b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        hex = hex.Length == 4 ? string.Concat(hex[1], hex[1], hex[2], hex[2], hex[3], hex[3]) : hex[1..];
        double Channel(int i)
        {
            double c = int.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }

    [GeneratedRegex(@"--([a-z-]+):(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", RegexOptions.None, 5000)]
    private static partial Regex Variable();
}
