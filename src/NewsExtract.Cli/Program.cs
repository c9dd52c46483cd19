using System.CommandLine;
using NewsExtract.Cli.Commands;

namespace NewsExtract.Cli;

/// <summary>The <c>newsextract</c> command line; see CONTRACT.md for the commands and exit codes.</summary>
internal static class Program
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int WrongUsage = 2;

    public static int Main(string[] args)
    {
        var root = new RootCommand("NewsExtract: entities, quotes and speakers from English news articles.");
        root.Subcommands.Add(AnalyzeCommand.Create());

        var eval = new Command("eval", "Evaluate accuracy against gold data.");
        eval.Subcommands.Add(EvalNerCommand.Create());
        root.Subcommands.Add(eval);
        eval.Subcommands.Add(EvalTokensCommand.Create());
        eval.Subcommands.Add(EvalQuotesCommand.Create());

        var train = new Command("train", "Train models.");
        train.Subcommands.Add(TrainNerCommand.Create());
        train.Subcommands.Add(TrainCalibrationCommand.Create());
        train.Subcommands.Add(TrainAverageCommand.Create());
        train.Subcommands.Add(TrainSelfTrainCommand.Create());
        train.Subcommands.Add(TrainQuotesCommand.Create());
        train.Subcommands.Add(TrainSentencesCommand.Create());
        root.Subcommands.Add(train);

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine("Run 'newsextract --help' for usage.");
            return WrongUsage;
        }

        return parse.Invoke();
    }
}
