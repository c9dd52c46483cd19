using System.CommandLine;
using NewsExtract.Entities;
using NewsExtract.Training;
using NewsExtract.Training.Ner;

namespace NewsExtract.Cli.Commands;

/// <summary><c>train calibration --model FILE --dev FILE... --out FILE</c>: fits a model's confidence calibration on dev files.</summary>
internal static class TrainCalibrationCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model file to calibrate.", Required = true };
        var dev = new Option<string[]>("--dev")
        {
            Description = "BIO dev files: the predicted mentions' confidences against their precision there.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "Where to write the calibrated model.", Required = true };
        var command = new Command("calibration", "Fit an entity model's confidence calibration on dev files (deterministic).")
        {
            model, dev, output,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(dev) ?? [], parse.GetValue(output)!));
        return command;
    }

    private static int Run(string modelPath, string[] devFiles, string output)
    {
        try
        {
            NerModel model = EvalNerCommand.ResolveModel(modelPath);
            var dev = new List<IReadOnlyList<ConllDocument>>();
            foreach (string file in devFiles)
            {
                dev.Add(ConllReader.Read(file));
            }

            NerModel calibrated = NerCalibrator.Calibrate(model, dev);
            Console.Error.WriteLine($"calibration: {calibrated.CalibrationRaw.Length} knots");
            for (int i = 0; i < calibrated.CalibrationRaw.Length; i++)
            {
                Console.Error.WriteLine($"  raw {calibrated.CalibrationRaw[i]:0.0000} -> precision {calibrated.CalibrationValue[i]:0.0000}");
            }

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
