using System.CommandLine.Help;
using NNTrainer.Cli.Commands;

namespace NNTrainer.Cli;

/// <summary>The command tree: compare, train, evaluate, predict, export.</summary>
internal static class CliApplication
{
    public static readonly IReadOnlyDictionary<string, string[]> Examples = new Dictionary<string, string[]>
    {
        [""] =
        [
            "nntrainer compare                                   # network vs ML.NET trainers on the built-in spiral",
            "nntrainer compare --csv data.csv --label price",
            "nntrainer train data.csv --label species --out model.zip",
            "nntrainer evaluate model.zip test.csv",
            "nntrainer predict model.zip new.csv --out predictions.csv",
            "nntrainer export model.zip --onnx model.onnx",
        ],
        ["compare"] =
        [
            "nntrainer compare",
            "nntrainer compare --epochs 20 --trainers nn,sdca --plots out/",
            "nntrainer compare --dataset fashion-mnist --max-rows 10000 --hidden 128,128",
            "nntrainer compare --dataset fashion-mnist --data-dir ~/data/fashion-mnist",
            "nntrainer compare --csv houses.csv --label price --task regression --json",
        ],
        ["train"] =
        [
            "nntrainer train iris.csv --label species --out iris.zip",
            "nntrainer train churn.csv --label churned --hidden 64,32 --epochs 100 --dropout 0.2 --out churn.zip",
            "nntrainer train houses.csv --label price --ignore id --trainer lightgbm --out houses.zip",
        ],
        ["evaluate"] =
        [
            "nntrainer evaluate iris.zip iris-test.csv",
            "nntrainer evaluate churn.zip churn-2025.csv --json",
        ],
        ["predict"] =
        [
            "nntrainer predict iris.zip new-flowers.csv --out predictions.csv",
        ],
        ["export"] =
        [
            "nntrainer export iris.zip --onnx iris.onnx",
            "nntrainer export churn.zip --onnx churn.onnx --opset 17 --json",
        ],
    };

    /// <remarks>
    /// A plain <see cref="Command"/> named "nntrainer" rather than a <see cref="RootCommand"/>, whose name comes from the
    /// executable (NNTrainer.Cli.dll under the tool shim), so help shows the command a user types.
    /// </remarks>
    public static Command Build()
    {
        var help = new HelpOption();
        var root = new Command("nntrainer",
            "nntrainer: a from-scratch neural network next to ML.NET's trainers. Compare them on the built-in spiral, " +
            "Fashion-MNIST or your CSV file; train, evaluate and use ML.NET models, with progress bars and PNG plots.")
        {
            new CompareCommand().Build(),
            new TrainCommand().Build(),
            new EvaluateCommand().Build(),
            new PredictCommand().Build(),
            new ExportCommand().Build(),
        };
        root.Add(help);
        root.Add(new VersionOption());
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, Examples);
        return root;
    }
}
