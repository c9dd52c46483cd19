using NewsExtract.Text.Tokenization;

namespace NewsExtract.Internal;

/// <summary>Turns the working state of one analysis into the immutable public result.</summary>
internal static class ResultBuilder
{
    public static ArticleAnalysis Build(AnalysisDocument document, bool includeTokens)
    {
        string text = document.Text;
        string? title = document.Layout.Title is TextSpan t ? text.Substring(t.Start, t.Length) : null;

        var sentences = new Sentence[document.Sentences.Length];
        for (int i = 0; i < sentences.Length; i++)
        {
            sentences[i] = new Sentence(document.Sentences[i].Start, document.Sentences[i].End);
        }

        var mentions = new Mention[document.Mentions.Length];
        for (int i = 0; i < mentions.Length; i++)
        {
            MentionInfo m = document.Mentions[i];
            int entityId = document.Entities[document.MentionEntity[i]].Id;
            double confidence = Math.Round(m.Confidence, 4);
            mentions[i] = new Mention(m.Start, m.End, text.Substring(m.Start, m.End - m.Start), m.Type, entityId, confidence);
        }

        var entities = new Entity[document.Entities.Length];
        for (int i = 0; i < entities.Length; i++)
        {
            EntityInfo e = document.Entities[i];
            entities[i] = new Entity(e.Id, e.Type, e.Name, e.Aliases.ToArray(), e.Mentions.Count, e.Roles.ToArray());
        }

        IReadOnlyList<Token>? tokens = includeTokens ? (Token[])document.Tokens.Clone() : null;
        return new ArticleAnalysis(title, sentences, document.Layout.Paragraphs, tokens, mentions, entities, document.Quotes);
    }
}
