using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsExtract.Text.Sentences;
using NewsExtract.Training;
using NewsExtract.Training.Evaluation;

namespace NewsExtract.Cli.Commands;

/// <summary>
/// <c>eval tokens --conllu FILE [--json] [--errors N]</c>: token and sentence F1 of the tokenizer and
/// sentence splitter against a UD CoNLL-U file (CoNLL 2018 shared-task definitions).
/// </summary>
internal static class EvalTokensCommand
{
    public static Command Create()
    {
        var conllu = new Option<string>("--conllu")
        {
            Description = "A UD CoNLL-U file with '# text' lines (e.g. en_ewt-ud-test.conllu).",
            Required = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the scores as one JSON object instead of text.",
        };
        var errors = new Option<int>("--errors")
        {
            Description = "Also print up to N mismatched tokens and sentences to standard error (for error analysis).",
        };

        var model = new Option<string?>("--sentence-model")
        {
            Description = "Split sentences with this model file (from 'train sentences') instead of the shipped one.",
        };

        var command = new Command("tokens", "Token and sentence F1 against a UD CoNLL-U file.")
        {
            conllu, json, errors, model,
        };
        command.SetAction(parse => Run(parse.GetValue(conllu)!, parse.GetValue(json), parse.GetValue(errors), parse.GetValue(model)));
        return command;
    }

    private static int Run(string path, bool json, int maxErrors, string? modelPath)
    {
        if (maxErrors < 0)
        {
            Console.Error.WriteLine("error: --errors must be zero or more.");
            return Program.WrongUsage;
        }

        try
        {
            string content = TextFileReader.ReadAllText(path);
            IReadOnlyList<ConlluDocument> documents = ConlluReader.Read(content, path);
            if (documents.Count == 0)
            {
                throw new CliException($"{path}: no sentences found");
            }

            List<string>? errorList = maxErrors > 0 ? [] : null;
            SentenceSplitter splitter = modelPath is null ? new SentenceSplitter() : new SentenceSplitter(ReadModel(modelPath));
            TokenizationScores scores = TokenizationEvaluator.Evaluate(documents, splitter, errorList, maxErrors);
            if (errorList is not null)
            {
                foreach (string error in errorList)
                {
                    Console.Error.WriteLine(error);
                }
            }

            OutputWriter.Write(null, json ? RenderJson(scores) : RenderText(scores));
            return Program.Success;
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return Program.BadInput;
        }
    }

    private static SentenceModel ReadModel(string path)
    {
        byte[] bytes = TextFileReader.ReadAllBytes(path);
        try
        {
            return SentenceModel.Read(bytes);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException($"{path}: cannot read the sentence model: {ex.Message}");
        }
    }

    private static string RenderText(TokenizationScores scores)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"documents: {scores.Documents}\n");
        AppendLine(text, "tokens", scores.Tokens);
        AppendLine(text, "sentences", scores.Sentences);
        if (scores.SentenceErrors is { } counts)
        {
            text.Append("sentence boundary errors by class:\n");
            for (int i = 0; i < counts.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {counts[i],5}  {TokenizationErrorClasses.Names[i]}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"tokens F1: {scores.Tokens.F1:F2} sentences F1: {scores.Sentences.F1:F2}\n");
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string name, SpanScore score)
        => text.Append(CultureInfo.InvariantCulture, $"{name}: precision {score.Precision:F2} recall {score.Recall:F2} F1 {score.F1:F2} (gold {score.Gold}, system {score.System}, correct {score.Correct})\n");

    private static string RenderJson(TokenizationScores scores)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("documents", scores.Documents);
            WriteScore(writer, "tokens", scores.Tokens);
            WriteScore(writer, "sentences", scores.Sentences);
            if (scores.SentenceErrors is { } counts)
            {
                writer.WriteStartObject("sentenceErrors");
                for (int i = 0; i < counts.Count; i++)
                {
                    writer.WriteNumber(TokenizationErrorClasses.Names[i], counts[i]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteScore(Utf8JsonWriter writer, string name, SpanScore score)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("precision", Math.Round(score.Precision, 2));
        writer.WriteNumber("recall", Math.Round(score.Recall, 2));
        writer.WriteNumber("f1", Math.Round(score.F1, 2));
        writer.WriteNumber("gold", score.Gold);
        writer.WriteNumber("system", score.System);
        writer.WriteNumber("correct", score.Correct);
        writer.WriteEndObject();
    }
}
