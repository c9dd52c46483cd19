using System.Text;
using NewsExtract.Entities;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;

namespace NewsExtract.Tests.Training;

public class NerModelAveragerTests
{
    private const int Labels = 5; // O + BILU of one class

    private static readonly string[] s_people = ["Anna Kowalski", "Ben Okafor", "Carla Mendes", "David Lindqvist", "Elena Petrova", "Farid Haddad"];
    private static readonly string[] s_places = ["Lisbon", "Nairobi", "Quito", "Oslo", "Hanoi", "Perth"];

    [Fact]
    public void Average_TwoModels_MeansEveryFeatureOfTheUnionAndTheTransitions()
    {
        // Feature 10 only in a, 30 only in b, 20 in both; a feature missing from a model counts as 0.
        NerModel a = Model("seed 1", Weights([10, 20], [[2, 0, -4, 0, 8], [1, 1, 1, 1, 1]], transition: 1f));
        NerModel b = Model("seed 2", Weights([20, 30], [[3, 3, 3, 3, 3], [0, -6, 0, 0, 6]], transition: 3f));

        NerModel mean = NerModelAverager.Average([a, b]);

        NerWeights w = Assert.Single(mean.Passes);
        Assert.Equal([10UL, 20UL, 30UL], w.Keys);
        AssertRow(w, 0, [1, 0, -2, 0, 4]);
        AssertRow(w, 1, [2, 2, 2, 2, 2]);
        AssertRow(w, 2, [0, -3, 0, 0, 3]);
        Assert.All(w.Transitions, t => Assert.Equal(2f, t));
        Assert.All(w.End, t => Assert.Equal(2f, t));
        Assert.Empty(mean.CalibrationRaw);
        Assert.Equal("toy; seeds 1, 2 (weights of 2 models averaged)", mean.Description);
    }

    [Fact]
    public void Average_ModelWithItself_KeepsItsWeights()
    {
        NerModel a = Model("seed 1", Weights([5, 7, 9], [[0.5f, -1, 0, 2, 0], [0, 0, 0, 0, 0.25f], [-3, 1, 0, 0, 1]], transition: 0.5f));

        NerWeights w = Assert.Single(NerModelAverager.Average([a, a, a]).Passes);

        NerWeights original = a.Passes[0];
        Assert.Equal(original.Keys, w.Keys);
        Assert.Equal(original.Values, w.Values);
        for (int r = 0; r < w.Scales.Length; r++)
        {
            Assert.Equal(original.Scales[r], w.Scales[r], original.Scales[r] * 1e-6f);
        }

        Assert.Equal(original.Transitions, w.Transitions);
    }

    [Fact]
    public void Average_FirstPassOnly_KeepsTheMeanOfTheFirstPasses()
    {
        NerModel a = new(["PER"], "toy; seed 1", [Weights([1], [[2, 0, 0, 0, 0]], transition: 0), Weights([2], [[4, 0, 0, 0, 0]], transition: 0)], [], [], [], [], []);
        NerModel b = new(["PER"], "toy; seed 2", [Weights([1], [[4, 0, 0, 0, 0]], transition: 0), Weights([3], [[8, 0, 0, 0, 0]], transition: 0)], [], [], [], [], []);

        NerModel both = NerModelAverager.Average([a, b]);
        NerModel first = NerModelAverager.Average([a, b], firstPassOnly: true);

        Assert.Equal(2, both.Passes.Length);
        Assert.Equal([2UL, 3UL], both.Passes[1].Keys);
        NerWeights w = Assert.Single(first.Passes);
        AssertRow(w, 0, [3, 0, 0, 0, 0]);
        Assert.Equal(3.0 / Labels, NerModelAverager.MeanAbsoluteWeight(w), 1e-6);
    }

    [Fact]
    public void Average_DifferentGazetteersOrClassesOrPasses_FailsNamingTheFile()
    {
        NerModel a = Model("seed 1", Weights([1], [[1, 0, 0, 0, 0]], transition: 0));
        NerModel otherGazetteer = new(["PER"], "seed 2", [Weights([1], [[1, 0, 0, 0, 0]], transition: 0)], [], [], ["per.x"], [42UL], [1]);
        NerModel otherClasses = new(["ORG"], "seed 2", [Weights([1], [[1, 0, 0, 0, 0]], transition: 0)], [], [], [], [], []);
        NerModel twoPasses = new(["PER"], "seed 2", [Weights([1], [[1, 0, 0, 0, 0]], transition: 0), Weights([2], [[1, 0, 0, 0, 0]], transition: 0)], [], [], [], [], []);

        Assert.Contains("b.bin has other gazetteer", Assert.Throws<CliException>(() => NerModelAverager.Average([a, otherGazetteer], ["a.bin", "b.bin"])).Message, StringComparison.Ordinal);
        Assert.Contains("other classes", Assert.Throws<CliException>(() => NerModelAverager.Average([a, otherClasses])).Message, StringComparison.Ordinal);
        Assert.Contains("other number of passes", Assert.Throws<CliException>(() => NerModelAverager.Average([a, twoPasses])).Message, StringComparison.Ordinal);
        Assert.Throws<CliException>(() => NerModelAverager.Average([a]));
    }

    [Fact]
    public void Average_TrainedSeeds_TagsWellAndIsDeterministic()
    {
        string dir = Directory.CreateTempSubdirectory("newsextract-ner-avg-").FullName;
        try
        {
            string train = Write(dir, "train.conll", 1, 150);
            string dev = Write(dir, "dev.conll", 2, 90);
            string test = Write(dir, "test.conll", 3, 40);
            NerModel[] seeds = [.. new[] { 1, 2 }.Select(s => new NerTrainer { TrainFiles = [train], DevFiles = [dev], MaxEpochs = 3, Seed = s }.Train())];

            byte[] Run()
            {
                NerModel model = NerCalibrator.Calibrate(NerModelAverager.Average(seeds), [ConllReader.Read(dev)]);
                using var stream = new MemoryStream();
                model.Write(stream);
                return stream.ToArray();
            }

            byte[] bytes = Run();
            Assert.Equal(bytes, Run());
            NerModel averaged = NerModel.Read(new MemoryStream(bytes), "averaged");
            Assert.NotEmpty(averaged.CalibrationRaw);
            Assert.Equal(seeds[0].Passes.Length, averaged.Passes.Length);
            Assert.EndsWith("seeds 1, 2 (weights of 2 models averaged)", averaged.Description, StringComparison.Ordinal);
            Assert.True(NerEvaluator.Evaluate(averaged, ConllReader.Read(test)).Micro.F1 > 95);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static NerModel Model(string description, NerWeights pass)
        => new(["PER"], "toy; " + description, [pass], [], [], [], [], []);

    private static NerWeights Weights(ulong[] keys, float[][] rows, float transition)
    {
        float[] flat = new float[keys.Length * Labels];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r].CopyTo(flat, r * Labels);
        }

        float[] transitions = new float[(Labels + 1) * Labels];
        Array.Fill(transitions, transition);
        float[] end = new float[Labels];
        Array.Fill(end, transition);
        return NerWeights.Quantize(Labels, keys, flat, transitions, end);
    }

    private static void AssertRow(NerWeights w, int row, float[] expected)
    {
        for (int l = 0; l < Labels; l++)
        {
            // Within one quantization step of the row (the inputs were quantized too).
            Assert.InRange(w.Scales[row] * w.Values[(row * Labels) + l], expected[l] - w.Scales[row] - 1e-6f, expected[l] + w.Scales[row] + 1e-6f);
        }
    }

    private static string Write(string dir, string name, int seed, int documents)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (int d = 0; d < documents; d++)
        {
            sb.Append("-DOCSTART-\tO\n\n");
            string person = s_people[random.Next(s_people.Length)];
            string place = s_places[random.Next(s_places.Length)];
            Line(sb, [(person, "PER"), ("said", null), ("on", null), ("Monday", null), ("that", null), ("prices", null), ("would", null), ("rise", null), (".", null)]);
            Line(sb, [(person.Split(' ')[1], "PER"), ("flew", null), ("to", null), (place, "LOC"), ("last", null), ("week", null), (".", null)]);
        }

        string path = Path.Combine(dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static void Line(StringBuilder sb, (string Text, string? Type)[] parts)
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
