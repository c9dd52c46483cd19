using System.Diagnostics.CodeAnalysis;

namespace NewsExtract;

/// <summary>The words of an attribution that name its speaker ("he", "the Kremlin spokesman", "Riabkov").</summary>
/// <remarks>Built by the analyzer; the public constructor and <c>init</c> accessors are for tests and deserialization.</remarks>
public sealed record SpeakerMention
{
    /// <summary>Initializes an empty speaker mention; set every required property.</summary>
    public SpeakerMention()
    {
    }

    [SetsRequiredMembers]
    internal SpeakerMention(int start, int end, string text)
    {
        Start = start;
        End = end;
        Text = text;
    }

    /// <summary>Gets the index of the first code unit.</summary>
    public required int Start { get; init; }

    /// <summary>Gets the index one past the last code unit.</summary>
    public required int End { get; init; }

    /// <summary>Gets the text, equal to <c>text[Start..End]</c>.</summary>
    public required string Text { get; init; }
}
