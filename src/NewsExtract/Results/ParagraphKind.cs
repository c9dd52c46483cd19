namespace NewsExtract;

/// <summary>The role a block of text plays in the article.</summary>
public enum ParagraphKind
{
    /// <summary>Running text of the article.</summary>
    Body = 0,

    /// <summary>The article title (the first line), or a repetition of it.</summary>
    Title = 1,

    /// <summary>A section heading: a short line without final punctuation.</summary>
    Heading = 2,

    /// <summary>Page furniture that is not part of the story (credits, comment forms, share lines).</summary>
    Boilerplate = 3,
}
