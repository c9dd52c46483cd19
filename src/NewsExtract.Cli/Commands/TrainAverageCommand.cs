using System.CommandLine;
using NewsExtract.Entities;
using NewsExtract.Training;
using NewsExtract.Training.Ner;

namespace NewsExtract.Cli.Commands;

/// <summary><c>train average --model FILE FILE... --dev FILE... --out FILE</c>: averages entity models' weights into one and calibrates it.</summary>
internal static class TrainAverageCommand
{
    public static Command Create()
    {
        var models = new Option<string[]>("--model")
        {
            Description = "Two or more model files from the same data, gazetteers and clusters (e.g. one recipe with different seeds); their weights are averaged feature by feature, pass by pass.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var dev = new Option<string[]>("--dev")
        {
            Description = "BIO dev files for the confidence calibration of the averaged model (as 'train calibration').",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var firstPass = new Option<bool>("--first-pass-only") { Description = "Keep only the averaged first pass (a diagnostic: scores the first passes alone)." };
        var output = new Option<string>("--out") { Description = "Where to write the averaged, calibrated model.", Required = true };
        var command = new Command("average", "Average entity models' weights into one model and calibrate it on dev files (deterministic).")
        {
            models, dev, firstPass, output,
        };
        command.SetAction(parse => Run(parse.GetValue(models) ?? [], parse.GetValue(dev) ?? [], parse.GetValue(firstPass), parse.GetValue(output)!));
        return command;
    }

    private static int Run(string[] modelFiles, string[] devFiles, bool firstPassOnly, string output)
    {
        try
        {
            var inputs = new List<NerModel>(modelFiles.Length);
            foreach (string file in modelFiles)
            {
                inputs.Add(EvalNerCommand.ResolveModel(file));
            }

            NerModel averaged = NerModelAverager.Average(inputs, modelFiles, firstPassOnly);
            for (int p = 0; p < averaged.Passes.Length; p++)
            {
                Console.Error.WriteLine($"pass {p + 1}: {averaged.Passes[p].Keys.Length} features (inputs: {string.Join(", ", inputs.Select(m => m.Passes[p].Keys.Length))}); mean |weight| {NerModelAverager.MeanAbsoluteWeight(averaged.Passes[p]):0.0000} (inputs: {string.Join(", ", inputs.Select(m => NerModelAverager.MeanAbsoluteWeight(m.Passes[p]).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)))})");
            }

            var dev = new List<IReadOnlyList<ConllDocument>>();
            foreach (string file in devFiles)
            {
                dev.Add(ConllReader.Read(file));
            }

            NerModel calibrated = NerCalibrator.Calibrate(averaged, dev);
            Console.Error.WriteLine($"calibration: {calibrated.CalibrationRaw.Length} knots");
            TrainNerCommand.WriteModel(calibrated, output);
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }
}
