using NewsExtract.Entities;
using NewsExtract.Training.Ner;

namespace NewsExtract.Tests.Training;

public class NerSelfTrainerTests
{
    // Sentences we wrote; the embedded model tags the names in them with high confidence.
    private const string Text =
        "Maria Olsen met the Danish foreign minister in Copenhagen on Tuesday.\n"
        + "The talks ended without a statement.\n\n"
        + "Lars Berg said the European Union would decide in Brussels next week.\n"
        + "Prices rose again\n\n"
        + "Anita Kowalczyk flew to Warsaw on Monday, the ministry said.\n";

    [Fact]
    public void Write_KeepsSentencesWithSureMentions_AsBio()
    {
        (string output, NerSelfTrainer.Statistics stats) = Run(Text, exclude: null);

        List<ConllDocument> documents = ConllReader.Parse(output, "selftrain");
        Assert.Equal(stats.WrittenDocuments, documents.Count);
        Assert.True(stats.WrittenSentences >= 1, NerSelfTrainer.Describe(stats));
        foreach (ConllDocument document in documents)
        {
            Assert.NotEmpty(document.Chunks);
        }

        // A sentence without a mention and an unpunctuated line are never training data.
        Assert.DoesNotContain("talks", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Prices", output, StringComparison.Ordinal);
        Assert.True(stats.NoMention >= 1);
        Assert.Equal(stats.Sentences, stats.NoMention + stats.Unsure + stats.Unpunctuated + stats.Overlapping + stats.Kept);
    }

    [Fact]
    public void Write_SentenceOfAnExcludedFile_IsDropped()
    {
        (string all, NerSelfTrainer.Statistics before) = Run(Text, exclude: null);
        Assert.Contains("Maria", all, StringComparison.Ordinal);

        // The excluded file tokenizes the sentence differently and in other case; it still matches.
        string gold = "MARIA\tB-PER\nOLSEN\tI-PER\nmet\tO\nthe\tO\nDanish\tB-MISC\nforeign\tO\nminister\tO\nin\tO\nCopenhagen\tB-LOC\non\tO\nTuesday.\tO\n";
        (string kept, NerSelfTrainer.Statistics after) = Run(Text, gold);

        Assert.DoesNotContain("Maria", kept, StringComparison.Ordinal);
        Assert.Equal(1, after.Overlapping);
        Assert.Equal(before.Kept - 1, after.Kept);
    }

    [Fact]
    public void Write_SameInputs_SameBytes()
    {
        Assert.Equal(Run(Text, null).Output, Run(Text, null).Output);
    }

    [Fact]
    public void Write_MaxTokens_WritesWholeDocumentsWithinTheBudget()
    {
        (_, NerSelfTrainer.Statistics all) = Run(Text, null);
        (string capped, NerSelfTrainer.Statistics stats) = Run(Text, null, maxTokens: all.KeptTokens - 1);

        Assert.True(stats.WrittenTokens <= all.KeptTokens - 1);
        Assert.True(stats.WrittenDocuments < all.WrittenDocuments || all.WrittenDocuments == 0);
        Assert.Equal(stats.WrittenDocuments, capped.Split("-DOCSTART-").Length - 1);
    }

    private static (string Output, NerSelfTrainer.Statistics Stats) Run(string text, string? exclude, long maxTokens = long.MaxValue)
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-selftrain-").FullName;
        try
        {
            string input = Path.Combine(dir, "unlabeled.txt");
            File.WriteAllText(input, "# source: written for this test\n" + text);
            string[] excludeFiles = [];
            if (exclude is not null)
            {
                excludeFiles = [Path.Combine(dir, "dev.conll")];
                File.WriteAllText(excludeFiles[0], exclude);
            }

            var trainer = new NerSelfTrainer
            {
                Model = NerModel.Default,
                UnlabeledFiles = [input],
                ExcludeFiles = excludeFiles,
                MinMentionConfidence = 0.5,
                MinOutsideConfidence = 0.5,
                MaxTokens = maxTokens,
            };
            using var writer = new StringWriter();
            NerSelfTrainer.Statistics stats = trainer.Write(writer);
            return (writer.ToString(), stats);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
