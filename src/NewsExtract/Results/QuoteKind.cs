namespace NewsExtract;

/// <summary>How a quotation appears in the text.</summary>
public enum QuoteKind
{
    /// <summary>Not a kind: the default value of the enum, never produced by the analyzer.</summary>
    None = 0,

    /// <summary>A whole sentence or more inside quote marks.</summary>
    Direct = 1,

    /// <summary>A quoted fragment inside the reporter's own sentence.</summary>
    Partial = 2,

    /// <summary>Reported speech without quote marks ("X said that ...", "according to X, ...").</summary>
    Indirect = 3,
}
