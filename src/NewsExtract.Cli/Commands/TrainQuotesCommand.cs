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
            var perArticle = new List<List<SpeakerExample>>();
            var detection = new List<DetectionExample>();
            foreach (string file in files)
            {
                List<SpeakerExample>[] collected = SpeakerRankerTrainer.Collect(QuoteEvaluator.Load(file), out List<DetectionExample>[] detected);
                foreach (List<SpeakerExample> article in collected)
                {
                    examples.AddRange(article);
                    perArticle.Add(article);
                }

                foreach (List<DetectionExample> candidates in detected)
                {
                    detection.AddRange(candidates);
                }
            }

            var settings = new SpeakerRankerTrainer.Settings();
            Quotes.SpeakerRankingModel model = SpeakerRankerTrainer.Calibrated(
                SpeakerRankerTrainer.Train(examples, settings, detection), perArticle, [], settings);
            byte[] bytes = model.ToBytes();
            File.WriteAllBytes(output, bytes);
            Console.Error.WriteLine($"{examples.Count(e => e.Train)} training quotes, {detection.Count} detection candidates, {model.Count} ranker weights, {model.DetectionWeights.Count} detector weights, {model.CalibrationPoints.Count} calibration points, {bytes.Length} bytes -> {output}");
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
