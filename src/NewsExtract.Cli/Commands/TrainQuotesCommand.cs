using System.CommandLine;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Quotes;

namespace NewsExtract.Cli.Commands;

/// <summary><c>train quotes --jsonl FILE... --out FILE</c>: trains the speaker-attribution model, deterministically.</summary>
internal static class TrainQuotesCommand
{
    public static Command Create()
    {
        var jsonl = new Option<string[]>("--jsonl")
        {
            Description = "Gold quote files (the eval quotes format), all used as training data.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var command = new Command("quotes", "Train the speaker-attribution model from gold quote files.")
        {
            jsonl, output,
        };
        command.SetAction(parse => Run(parse.GetValue(jsonl) ?? [], parse.GetValue(output)!));
        return command;
    }

    private static int Run(string[] files, string output)
    {
        try
        {
            var examples = new List<SpeakerExample>();
            foreach (string file in files)
            {
                foreach (List<SpeakerExample> perArticle in SpeakerRankerTrainer.Collect(QuoteEvaluator.Load(file)))
                {
                    examples.AddRange(perArticle);
                }
            }

            Quotes.SpeakerRankingModel model = SpeakerRankerTrainer.Train(examples, new SpeakerRankerTrainer.Settings());
            byte[] bytes = model.ToBytes();
            File.WriteAllBytes(output, bytes);
            Console.Error.WriteLine($"{examples.Count} training quotes, {model.Count} weights, {bytes.Length} bytes -> {output}");
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }
}
