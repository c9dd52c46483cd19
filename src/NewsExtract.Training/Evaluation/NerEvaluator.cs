using NewsExtract.Entities;
using NewsExtract.Training.Ner;

namespace NewsExtract.Training.Evaluation;

/// <summary>Tags gold documents with a model through the runtime tagger (including document-level
/// consistency) and scores the public types (PER, ORG, LOC) against the gold chunks.</summary>
internal static class NerEvaluator
{
    internal static NerScores Evaluate(NerModel model, IReadOnlyList<ConllDocument> documents)
    {
        var scores = new NerScores();
        var spans = new List<NerMentionSpan>();
        var predicted = new List<ConllChunk>();
        foreach (ConllDocument document in documents)
        {
            NerInput input = NerInput.FromTokens(document.Sentences);
            int n = input.Tokens.Length;
            int[] tags = new int[n];
            float[] confidence = new float[n];
            NerTagger.Tag(model, input, tags, confidence);
            spans.Clear();
            foreach (NerSentence sentence in input.Sentences)
            {
                NerSpans.Collect(sentence, tags, confidence, spans);
            }

            EntityRecognizer.MakeConsistent(input, spans, model.Classes.Length);
            predicted.Clear();
            foreach (NerMentionSpan span in spans)
            {
                if (model.ClassTypes[span.Class] is not null)
                {
                    predicted.Add(new ConllChunk(span.FirstToken, span.TokenCount, model.Classes[span.Class - 1]));
                }
            }

            scores.Add(document.Chunks, predicted);
        }

        return scores;
    }
}
