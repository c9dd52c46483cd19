using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;

namespace NewsExtract.Tests.Training;

public class NerScoresTests
{
    [Fact]
    public void AddChunks_Iob1AndIob2_FollowConllevalRules()
    {
        var chunks = new List<ConllChunk>();
        ConllReader.AddChunks(["I-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-ORG", "B-ORG", "I-ORG"], 0, chunks);

        Assert.Equal(
            [new ConllChunk(0, 2, "PER"), new ConllChunk(3, 2, "LOC"), new ConllChunk(5, 1, "ORG"), new ConllChunk(6, 2, "ORG")],
            chunks);
    }

    [Fact]
    public void Add_ExactSpanAndType_CountsAsCorrect()
    {
        var scores = new NerScores();
        scores.Add(
            [new ConllChunk(0, 2, "PER"), new ConllChunk(5, 1, "LOC")],
            [new ConllChunk(0, 2, "PER"), new ConllChunk(5, 1, "ORG"), new ConllChunk(7, 1, "LOC")]);

        Assert.Equal(1, scores.Micro.Correct);
        Assert.Equal(100.0 / 3, scores.Micro.Precision, 6);
        Assert.Equal(50.0, scores.Micro.Recall, 6);
        Assert.EndsWith("micro F1: 40.00\n", scores.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadTag_ThrowsCliException()
        => Assert.Throws<NewsExtract.Training.CliException>(() => ConllReader.Parse("Paris\tX-LOC\n", "bad.conll"));
}
