using Microsoft.ML;
using NNTrainer.ML.LoadCheck;

// Usage: NNTrainer.ML.LoadCheck <multiclass|binary|regression> <model.zip> <data.idv> <columns,comma,separated>
// Loads the model with nothing but mlContext.Model.Load, scores the data, prints every requested column of every
// row exactly (floats as their bit patterns), each column's type, and the task's stock Evaluate metrics.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: NNTrainer.ML.LoadCheck <multiclass|binary|regression> <model.zip> <data.idv> <columns>");
    return 2;
}
var mlContext = new MLContext(seed: 0);
var model = mlContext.Model.Load(args[1], out _);
var scored = model.Transform(mlContext.Data.LoadFromBinary(args[2]));
var columns = args[3].Split(',');

foreach (var line in RowFormatter.Types(scored, columns)) Console.WriteLine("type " + line);
foreach (var line in RowFormatter.Schema(scored.Schema)) Console.WriteLine("schema " + line);
foreach (var line in RowFormatter.Rows(scored, columns)) Console.WriteLine("row " + line);
object metrics = args[0] switch
{
    "multiclass" => mlContext.MulticlassClassification.Evaluate(scored),
    "binary" => mlContext.BinaryClassification.Evaluate(scored),
    "regression" => mlContext.Regression.Evaluate(scored),
    _ => throw new ArgumentException($"Unknown task {args[0]}."),
};
Console.WriteLine("metrics " + RowFormatter.Metrics(metrics));
return 0;
