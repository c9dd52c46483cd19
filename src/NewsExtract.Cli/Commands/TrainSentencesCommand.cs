using System.CommandLine;
using System.Globalization;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Sentences;

namespace NewsExtract.Cli.Commands;

/// <summary>
/// <c>train sentences --train FILE --dev FILE --out FILE</c>: trains the sentence-boundary model
/// reproducibly (averaged perceptron, fixed seed, epoch chosen on dev; eng/train-sentence-model.sh).
/// </summary>
internal static class TrainSentencesCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train")
        {
            Description = "UD CoNLL-U training files with '# text' lines (not read with --base-model).",
            AllowMultipleArgumentsPerToken = true,
        };
        var dev = new Option<string>("--dev") { Description = "UD CoNLL-U dev file the epoch is chosen on.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed of the document order (default 1).", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--max-epochs") { Description = "Most perceptron epochs (default 12).", DefaultValueFactory = _ => 12 };
        var runs = new Option<int>("--runs") { Description = "Perceptrons averaged, each with its own document order (default 5).", DefaultValueFactory = _ => 5 };
        var gateRecall = new Option<double>("--gate-recall")
        {
            Description = "Share of the training set's true ends the first-stage gate passes (default 0.999; 0 for no gate).",
            DefaultValueFactory = _ => SentenceTrainer.DefaultGateRecall,
        };
        var gateAgreement = new Option<double>("--gate-agreement")
        {
            Description = "Share of the dev candidates at or above the gate's high threshold the full model calls an end (default 0.999; 2 for no high threshold).",
            DefaultValueFactory = _ => SentenceTrainer.DefaultGateAgreement,
        };
        var baseModel = new Option<string?>("--base-model")
        {
            Description = "Train nothing: keep this model's weights and gate threshold and choose only the gate's high threshold on --dev (--train is then not read).",
        };
        var bits = new Option<int>("--bits") { Description = "The weight table has 2^bits entries (default 18).", DefaultValueFactory = _ => 18 };

        var command = new Command("sentences", "Train the sentence-boundary model from CoNLL-U files (progress on stderr).")
        {
            train, dev, output, seed, epochs, bits, runs, gateRecall, gateAgreement, baseModel,
        };
        command.SetAction(parse => Run(
            parse.GetValue(train) ?? [], parse.GetValue(dev)!, parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(epochs), parse.GetValue(bits), parse.GetValue(runs), parse.GetValue(gateRecall), parse.GetValue(gateAgreement), parse.GetValue(baseModel)));
        return command;
    }

    private static int Run(string[] trainFiles, string devFile, string output, int seed, int maxEpochs, int bits, int runs, double gateRecall, double gateAgreement, string? baseModel)
    {
        if (maxEpochs < 1 || runs < 1 || bits is < 8 or > 24 || (trainFiles.Length == 0 && baseModel is null) || gateRecall is < 0 or > 1 || !(gateAgreement > 0))
        {
            Console.Error.WriteLine("error: --max-epochs and --runs must be at least 1, --bits 8..24, --gate-recall 0..1, --gate-agreement above 0, and --train needs a file (unless --base-model is given)");
            return Program.WrongUsage;
        }

        try
        {
            if (baseModel is not null)
            {
                IReadOnlyList<ConlluDocument> devDocuments = ConlluReader.Read(TextFileReader.ReadAllText(devFile), devFile);
                byte[] bytes = TextFileReader.ReadAllBytes(baseModel);

                try
                {
                    (byte[] withHigh, double f1) = SentenceTrainer.ChooseHighThreshold(bytes, devDocuments, gateAgreement, Console.Error);
                    Write(output, withHigh);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {output} ({withHigh.Length} bytes), dev sentence F1 {f1:F2}"));
                    return Program.Success;
                }
                catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
                {
                    throw new CliException($"{baseModel}: {ex.Message}");
                }
            }

            var train = new List<ConlluDocument>();
            foreach (string file in trainFiles)
            {
                train.AddRange(ConlluReader.Read(TextFileReader.ReadAllText(file), file));
            }

            IReadOnlyList<ConlluDocument> dev = ConlluReader.Read(TextFileReader.ReadAllText(devFile), devFile);
            if (train.Count == 0 || dev.Count == 0)
            {
                throw new CliException("no documents in the training or dev files");
            }

            (byte[] model, double devF1, int epoch) = SentenceTrainer.Train(train, dev, bits, maxEpochs, seed, runs, gateRecall, gateAgreement, Console.Error);
            Write(output, model);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {output} ({model.Length} bytes), epoch {epoch}, dev sentence F1 {devF1:F2}"));
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    private static void Write(string output, byte[] model)
    {
        string full = Path.GetFullPath(output);
        string temp = full + "." + Environment.ProcessId + ".tmp";
        try
        {
            File.WriteAllBytes(temp, model);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CliException($"{output}: cannot write the model: {ex.Message}");
        }
    }
}
