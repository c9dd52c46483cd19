namespace NewsExtract.Rendering;

/// <summary>A block of the page: a paragraph of the analysis, or text that no paragraph covers.</summary>
/// <param name="Start">The first code unit.</param>
/// <param name="End">One past the last code unit.</param>
/// <param name="Tag">The HTML element name.</param>
/// <param name="CssClass">The element's class list.</param>
internal readonly record struct PageBlock(int Start, int End, string Tag, string CssClass);
