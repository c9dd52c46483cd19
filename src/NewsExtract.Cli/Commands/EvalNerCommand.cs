using System.CommandLine;
using System.Globalization;
using System.Text;
using NewsExtract.Entities;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;
using NewsExtract.Training.Ner;

namespace NewsExtract.Cli.Commands;

/// <summary><c>eval ner --conll FILE [--json] [--model FILE]</c>: exact-span P/R/F1 per type and micro.</summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var conll = new Option<string>("--conll") { Description = "Gold BIO file (token TAB tag).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var model = new Option<string?>("--model") { Description = "Evaluate this model file instead of the embedded one." };
        var command = new Command("ner", "Score the entity tagger on a gold BIO file (conlleval exact-span rules).")
        {
            conll, json, model,
        };
        command.SetAction(parse => Run(parse.GetValue(conll)!, parse.GetValue(json), parse.GetValue(model)));
        return command;
    }

    private static int Run(string path, bool json, string? modelPath)
    {
        try
        {
            List<ConllDocument> documents = ConllReader.Read(path);
            NerModel model;
            if (modelPath is null)
            {
                model = NerModel.Default;
            }
            else
            {
                try
                {
                    model = NerModel.Load(modelPath);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    throw new CliException(ex is InvalidDataException ? ex.Message : $"{modelPath}: {ex.Message}");
                }
            }

            NerScores scores = NerEvaluator.Evaluate(model, documents);
            OutputWriter.Write(null, json ? ToJson(scores) : scores.ToText());
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    private static string ToJson(NerScores scores)
    {
        var sb = new StringBuilder("{\"types\":{");
        bool first = true;
        foreach (NerTypeScore s in scores.Types)
        {
            sb.Append(first ? string.Empty : ",").Append('"').Append(s.Type).Append("\":");
            Append(sb, s);
            first = false;
        }

        sb.Append("},\"micro\":");
        Append(sb, scores.Micro);
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, NerTypeScore s)
        => sb.Append(CultureInfo.InvariantCulture, $"{{\"precision\":{s.Precision:0.00},\"recall\":{s.Recall:0.00},\"f1\":{s.F1:0.00},\"gold\":{s.Gold},\"predicted\":{s.Predicted},\"correct\":{s.Correct}}}");
}
