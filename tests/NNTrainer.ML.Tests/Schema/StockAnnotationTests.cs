using Microsoft.ML;
using NNTrainer.ML.LoadCheck;
using NNTrainer.ML.Tests.Trainers;

namespace NNTrainer.ML.Tests.Schema;

/// <summary>
/// The output columns carry exactly what ML.NET's own trainers put on theirs (names, order, types, every annotation
/// and its value), live and after a save and reload. Fresh-process reloads are checked in PersistedModelTests.
/// </summary>
public sealed class StockAnnotationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-annotations-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<NeuralNetworkTask> Tasks => new() { NeuralNetworkTask.MulticlassClassification, NeuralNetworkTask.BinaryClassification, NeuralNetworkTask.Regression };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void TheOutputColumnsAreThoseOfTheStockTrainerOfTheSameTask(NeuralNetworkTask task)
    {
        var mlContext = new MLContext(seed: 1);
        var (data, ours, stock) = Trainers(mlContext, task);

        var expected = RowFormatter.Schema(stock.Fit(data).Transform(data).Schema).ToArray();
        var actual = RowFormatter.Schema(ours.Fit(data).Transform(data).Schema).ToArray();

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void AfterAnotherScorerTheScoreColumnSetIdIsTheNextOneLiveAndReloaded(NeuralNetworkTask task)
    {
        var mlContext = new MLContext(seed: 1);
        var (data, ours, stock) = Trainers(mlContext, task);
        // A stock trainer's score kept under another name (its other outputs dropped), then ours: ML.NET numbers each set of score columns.
        string[] stockOutputs = task switch
        {
            NeuralNetworkTask.MulticlassClassification => ["Score", "PredictedLabel"],
            NeuralNetworkTask.BinaryClassification => ["Score", "Probability", "PredictedLabel"],
            _ => ["Score"],
        };
        var first = stock.Append(mlContext.Transforms.CopyColumns("FirstScore", "Score")).Append(mlContext.Transforms.DropColumns(stockOutputs)).Fit(data);
        var scoredOnce = first.Transform(data);
        var model = ours.Fit(scoredOnce);
        string path = Path.Combine(_directory, $"{task}.zip");
        mlContext.Model.Save(model, scoredOnce.Schema, path);
        var reloaded = mlContext.Model.Load(path, out _);

        var live = model.Transform(scoredOnce).Schema;
        Assert.Equal(2u, ScoreColumnSetId(live["Score"]));
        Assert.Equal(RowFormatter.Schema(live), RowFormatter.Schema(reloaded.Transform(scoredOnce).Schema));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void ThisMlNetLetsTheStockScorerBeCreated(NeuralNetworkTask task)
    {
        // Created by reflection (its constructors are internal); were it null, models would save in format 1 without annotations.
        Assert.NotNull(StockScorers.Create(task, task == NeuralNetworkTask.MulticlassClassification ? 16 : 1, task == NeuralNetworkTask.MulticlassClassification ? 3 : 1, null));
    }

    private static uint ScoreColumnSetId(Microsoft.ML.DataViewSchema.Column column)
    {
        uint id = 0;
        column.Annotations.GetValue("ScoreColumnSetId", ref id);
        return id;
    }

    private static (IDataView Data, IEstimator<ITransformer> Ours, IEstimator<ITransformer> Stock) Trainers(MLContext mlContext, NeuralNetworkTask task)
    {
        switch (task)
        {
            case NeuralNetworkTask.MulticlassClassification:
                var flowers = TestData.FlowerFeaturizer(mlContext).Fit(mlContext.Data.LoadFromEnumerable(TestData.Flowers(10, seed: 1)))
                    .Transform(mlContext.Data.LoadFromEnumerable(TestData.Flowers(10, seed: 1)));
                return (flowers, NeuralNetworkMulticlassTrainerTests.SmallTrainer(mlContext, epochs: 2), mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 2));
            case NeuralNetworkTask.BinaryClassification:
                return (mlContext.Data.LoadFromEnumerable(TestData.Circle(40, seed: 1)), NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 2),
                    mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 2));
            default:
                return (mlContext.Data.LoadFromEnumerable(TestData.Surface(40, seed: 1)), NeuralNetworkRegressionTrainerTests.SmallTrainer(mlContext, epochs: 2),
                    mlContext.Regression.Trainers.Sdca(maximumNumberOfIterations: 2));
        }
    }
}
