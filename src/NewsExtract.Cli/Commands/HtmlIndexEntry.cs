namespace NewsExtract.Cli.Commands;

/// <summary>One analysed file on the index page of an HTML folder report.</summary>
/// <param name="Source">The input file, relative to the input folder.</param>
/// <param name="Page">The page, relative to the output directory.</param>
/// <param name="Title">The article title, or <see langword="null"/>.</param>
/// <param name="Mentions">The number of mentions.</param>
/// <param name="Entities">The number of entities.</param>
/// <param name="Quotes">The number of quotes.</param>
internal sealed record HtmlIndexEntry(string Source, string Page, string? Title, int Mentions, int Entities, int Quotes);
