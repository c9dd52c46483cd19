using System.Text;
using NewsExtract.Entities;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;

namespace NewsExtract.Tests.Training;

public class NerTrainerTests
{
    private static readonly string[] s_people = ["Anna Kowalski", "Ben Okafor", "Carla Mendes", "David Lindqvist", "Elena Petrova", "Farid Haddad"];
    private static readonly string[] s_places = ["Lisbon", "Nairobi", "Quito", "Oslo", "Hanoi", "Perth"];
    private static readonly string[] s_orgs = ["Orbis Bank", "Tellmark", "Vantor Group", "Northwind", "Apex Mining", "Helio Labs"];

    [Fact]
    public void Train_ToySet_LearnsIt()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-ner-").FullName;
        try
        {
            string train = Write(dir, "train.conll", 1, 300);
            string dev = Write(dir, "dev.conll", 2, 60);
            string test = Write(dir, "test.conll", 3, 60);
            NerModel model = new NerTrainer { TrainFiles = [train], DevFiles = [dev], MaxEpochs = 4, Seed = 3 }.Train();

            NerScores scores = NerEvaluator.Evaluate(model, ConllReader.Read(test));
            Assert.True(scores.Micro.F1 > 95, scores.ToText());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Train_SameInputs_SameModelBytes()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-ner-").FullName;
        try
        {
            string train = Write(dir, "train.conll", 1, 120);
            string dev = Write(dir, "dev.conll", 2, 30);
            byte[] Run()
            {
                NerModel model = new NerTrainer { TrainFiles = [train], DevFiles = [dev], MaxEpochs = 3 }.Train();
                using var stream = new MemoryStream();
                model.Write(stream);
                return stream.ToArray();
            }

            Assert.Equal(Run(), Run());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Train_WithSelfTrainingFile_TwoPassesLearnAndTheModelSaysSo()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-ner-").FullName;
        try
        {
            string train = Write(dir, "train.conll", 1, 150);
            string self = Write(dir, "self.conll", 4, 150);
            string dev = Write(dir, "dev.conll", 2, 60);
            string test = Write(dir, "test.conll", 3, 60);
            NerModel firstOnly = new NerTrainer { TrainFiles = [train], SelfTrainFiles = [self + "@0.5"], DevFiles = [dev], MaxEpochs = 3, Seed = 3 }.Train();
            NerModel both = new NerTrainer { TrainFiles = [train], SelfTrainFiles = [self + "@0.5"], SelfTrainBothPasses = true, DevFiles = [dev], MaxEpochs = 3, Seed = 3 }.Train();

            Assert.Contains("self-training self.conll@0.5", firstOnly.Description, StringComparison.Ordinal);
            Assert.True(NerEvaluator.Evaluate(firstOnly, ConllReader.Read(test)).Micro.F1 > 95);
            Assert.True(NerEvaluator.Evaluate(both, ConllReader.Read(test)).Micro.F1 > 95);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Toy news sentences: people say things, travel to places, companies report results.</summary>
    private static string Write(string dir, string name, int seed, int documents)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (int d = 0; d < documents; d++)
        {
            sb.Append("-DOCSTART-\tO\n\n");
            string person = s_people[random.Next(s_people.Length)];
            string place = s_places[random.Next(s_places.Length)];
            string org = s_orgs[random.Next(s_orgs.Length)];
            Sentence(sb, [(person, "PER"), ("said", null), ("on", null), ("Monday", null), ("that", null), (org, "ORG"), ("would", null), ("expand", null), (".", null)]);
            Sentence(sb, [("The", null), ("company", null), ("opened", null), ("an", null), ("office", null), ("in", null), (place, "LOC"), (".", null)]);
            Sentence(sb, [(person.Split(' ')[1], "PER"), ("flew", null), ("to", null), (place, "LOC"), ("last", null), ("week", null), (".", null)]);
        }

        string path = Path.Combine(dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static void Sentence(StringBuilder sb, (string Text, string? Type)[] parts)
    {
        foreach ((string text, string? type) in parts)
        {
            string[] words = text.Split(' ');
            for (int i = 0; i < words.Length; i++)
            {
                sb.Append(words[i]).Append('\t').Append(type is null ? "O" : (i == 0 ? "B-" : "I-") + type).Append('\n');
            }
        }

        sb.Append('\n');
    }
}
