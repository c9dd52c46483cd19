using System.Text.Json.Serialization;

namespace NewsExtract;

/// <summary>A quotation or reported statement and the person or organization it is attributed to.</summary>
/// <param name="Start">The index of the first code unit of the quoted content (quote marks excluded).</param>
/// <param name="End">The index one past the last code unit of the quoted content.</param>
/// <param name="Text">The quoted content.</param>
/// <param name="Kind">Direct, partial or indirect.</param>
/// <param name="Speaker">The speaker, or <see langword="null"/> when none could be found with confidence.</param>
/// <param name="Cue">The speech verb or phrase tying the quote to its speaker, or <see langword="null"/>.</param>
public sealed record Quote(int Start, int End, string Text, QuoteKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Speaker? Speaker, QuoteCue? Cue);
