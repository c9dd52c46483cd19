using System.CommandLine;
using NewsExtract.Entities;
using NewsExtract.Training;
using NewsExtract.Training.Ner;

namespace NewsExtract.Cli.Commands;

/// <summary><c>train ner --train FILE... --dev FILE --out FILE</c>: trains the entity model reproducibly.</summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train")
        {
            Description = "BIO training files (token TAB tag; extra columns allowed, the tag is last), each optionally FILE@WEIGHT (default 1; 0.5 = half of its documents each epoch, 2 = each twice).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var selfTrain = new Option<string[]>("--self-train")
        {
            Description = "Self-training BIO files from 'train selftrain' (machine-tagged unlabeled text), each optionally FILE@WEIGHT; their text is not added to the cluster text again.",
            AllowMultipleArgumentsPerToken = true,
        };
        var selfTrainBoth = new Option<bool>("--self-train-both-passes") { Description = "Let the self-training files train the second pass too (by default they train the first pass only)." };
        var dev = new Option<string[]>("--dev")
        {
            Description = "BIO dev files; early stopping uses the mean of their micro F1.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var gazetteerSet = new Option<string>("--gazetteer-set")
        {
            Description = "Which gazetteer lists the manifest allows: default, or open (licence-clean lists only).",
            DefaultValueFactory = _ => "default",
        };
        gazetteerSet.AcceptOnlyFromAmong("default", "open");
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var gazetteers = new Option<string?>("--gazetteers") { Description = "Folder of name lists used as features (one category per file)." };
        var unlabeled = new Option<string[]>("--unlabeled")
        {
            Description = "Raw text files (one paragraph a line) for inducing word clusters.",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1).", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--max-epochs") { Description = "Most perceptron epochs per pass (default 15).", DefaultValueFactory = _ => 15 };
        var minCount = new Option<int>("--min-feature-count") { Description = "Keep features seen at least this often (default 2).", DefaultValueFactory = _ => 2 };
        var clusterWords = new Option<int>("--cluster-words") { Description = "Most words to cluster (default 60000).", DefaultValueFactory = _ => 60_000 };
        var folds = new Option<int>("--folds") { Description = "Jackknife folds for the second pass's training data (default 2).", DefaultValueFactory = _ => 2 };
        var onePass = new Option<bool>("--one-pass") { Description = "Train only the first pass (no second pass over document-level predictions)." };

        var command = new Command("ner", "Train the entity model from BIO files (progress on stderr).")
        {
            train, selfTrain, selfTrainBoth, dev, output, gazetteers, gazetteerSet, unlabeled, seed, epochs, onePass, minCount, clusterWords, folds,
        };
        command.SetAction(parse => Run(new NerTrainer
        {
            TrainFiles = parse.GetValue(train) ?? [],
            SelfTrainFiles = parse.GetValue(selfTrain) ?? [],
            SelfTrainBothPasses = parse.GetValue(selfTrainBoth),
            DevFiles = parse.GetValue(dev) ?? [],
            GazetteerFolder = parse.GetValue(gazetteers),
            GazetteerSet = parse.GetValue(gazetteerSet)!,
            UnlabeledFiles = parse.GetValue(unlabeled) ?? [],
            Seed = parse.GetValue(seed),
            MaxEpochs = parse.GetValue(epochs),
            TwoPass = !parse.GetValue(onePass),
            MinFeatureCount = parse.GetValue(minCount),
            Folds = parse.GetValue(folds),
            MaxClusterWords = parse.GetValue(clusterWords),
            Log = Console.Error,
        }, parse.GetValue(output)!));
        return command;
    }

    private static int Run(NerTrainer trainer, string output)
    {
        if (trainer.MaxEpochs < 1 || trainer.Folds < 2 || trainer.MinFeatureCount < 1 || trainer.MaxClusterWords < 0)
        {
            Console.Error.WriteLine("error: --max-epochs and --min-feature-count must be at least 1, --folds at least 2, --cluster-words not negative");
            return Program.WrongUsage;
        }

        try
        {
            NerModel model = trainer.Train();
            WriteModel(model, output);
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    /// <summary>Writes a model atomically (a temporary file, then a rename) and reports its size.</summary>
    public static void WriteModel(NerModel model, string output)
    {
        string full = Path.GetFullPath(output);
        string temp = full + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (FileStream stream = File.Create(temp))
            {
                model.Write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CliException($"{output}: cannot write the model: {ex.Message}");
        }

        Console.Error.WriteLine($"model: {output} ({new FileInfo(full).Length} bytes)");
    }
}
