using System.CommandLine;
using System.Globalization;
using System.Text;
using NewsExtract.Training;
using NewsExtract.Training.Ner;

namespace NewsExtract.Cli.Commands;

/// <summary><c>train selftrain --unlabeled FILE... --out FILE</c>: writes the sentences of unlabeled text a
/// model tags confidently as a BIO training file (self-training; deterministic).</summary>
internal static class TrainSelfTrainCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "The model that tags the text: default (embedded), open, or a model file." };
        var unlabeled = new Option<string[]>("--unlabeled")
        {
            Description = "Raw text files (one paragraph a line, blank lines between documents; lines starting with '# ' are skipped).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "BIO files (dev and test splits) whose sentences must not appear in the output (compared on letters and digits, ignoring case).",
            AllowMultipleArgumentsPerToken = true,
        };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Least calibrated confidence of every mention of a kept sentence (default 0.9).", DefaultValueFactory = _ => 0.9 };
        var minOutside = new Option<double>("--min-outside") { Description = "Least outside-probability of every capitalized word left outside a mention (default 0.8).", DefaultValueFactory = _ => 0.8 };
        var maxTokens = new Option<long>("--max-tokens") { Description = "Most tokens written (whole documents, a seeded choice; default: all).", DefaultValueFactory = _ => long.MaxValue };
        var seed = new Option<int>("--seed") { Description = "Random seed of the document choice (default 1).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Where to write the BIO file.", Required = true };
        var command = new Command("selftrain", "Write the sentences of unlabeled text a model tags confidently as BIO training data (deterministic).")
        {
            model, unlabeled, exclude, minConfidence, minOutside, maxTokens, seed, output,
        };
        command.SetAction(parse => Run(parse.GetValue(model), parse, unlabeled, exclude, minConfidence, minOutside, maxTokens, seed, parse.GetValue(output)!));
        return command;
    }

    private static int Run(
        string? modelName,
        ParseResult parse,
        Option<string[]> unlabeled,
        Option<string[]> exclude,
        Option<double> minConfidence,
        Option<double> minOutside,
        Option<long> maxTokens,
        Option<int> seed,
        string output)
    {
        try
        {
            var trainer = new NerSelfTrainer
            {
                Model = EvalNerCommand.ResolveModel(modelName),
                UnlabeledFiles = parse.GetValue(unlabeled) ?? [],
                ExcludeFiles = parse.GetValue(exclude) ?? [],
                MinMentionConfidence = parse.GetValue(minConfidence),
                MinOutsideConfidence = parse.GetValue(minOutside),
                MaxTokens = parse.GetValue(maxTokens),
                Seed = parse.GetValue(seed),
                Log = Console.Error,
            };
            string full = Path.GetFullPath(output);
            string temp = full + "." + Environment.ProcessId + ".tmp";
            NerSelfTrainer.Statistics stats;
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                stats = trainer.Write(writer);
            }

            File.Move(temp, full, overwrite: true);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"selftrain: {NerSelfTrainer.Describe(stats)}"));
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }
}
