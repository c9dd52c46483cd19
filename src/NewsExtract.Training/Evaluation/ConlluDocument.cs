namespace NewsExtract.Training.Evaluation;

/// <summary>
/// One document of a CoNLL-U file rebuilt as raw text: its sentences' <c># text</c> joined by a space
/// within a paragraph and by a blank line between paragraphs (<c># newpar</c>), with the gold surface
/// tokens (a multi-word token such as "don't" is one) and sentences as character spans of that text.
/// </summary>
public sealed class ConlluDocument
{
    public ConlluDocument(string id, string text, IReadOnlyList<(int Start, int End)> tokens, IReadOnlyList<(int Start, int End)> sentences)
    {
        Id = id;
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
    }

    /// <summary>Gets the <c># newdoc id</c>, or a generated one.</summary>
    public string Id { get; }

    /// <summary>Gets the document text.</summary>
    public string Text { get; }

    /// <summary>Gets the gold surface tokens, in order.</summary>
    public IReadOnlyList<(int Start, int End)> Tokens { get; }

    /// <summary>Gets the gold sentences, in order.</summary>
    public IReadOnlyList<(int Start, int End)> Sentences { get; }
}
