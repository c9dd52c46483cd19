namespace NewsExtract.Text.Tokenization;

/// <summary>What the last label of a web address or file name is (lexicon <c>web-suffixes</c>).</summary>
internal enum WebSuffixKind
{
    /// <summary>Not a listed suffix.</summary>
    None = 0,

    /// <summary>A top-level domain ("com", "uk").</summary>
    Domain,

    /// <summary>A file extension ("pdf", "html").</summary>
    File,
}
