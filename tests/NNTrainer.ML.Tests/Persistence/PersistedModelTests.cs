using System.Globalization;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML.LoadCheck;
using NNTrainer.ML.Tests.Trainers;

namespace NNTrainer.ML.Tests.Persistence;

public sealed class PersistedModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-ml-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AMulticlassPipelineReloadsInAFreshProcessWithIdenticalScoresAndTheStockEvaluateWorks()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Flowers(30, seed: 7));
        var model = TestData.FlowerFeaturizer(mlContext)
            .Append(NeuralNetworkMulticlassTrainerTests.SmallTrainer(mlContext))
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedFlower", "PredictedLabel"))
            .Fit(data);
        string[] columns = ["Score", "PredictedLabel", "PredictedFlower"];

        var scored = model.Transform(data);
        var fresh = SaveAndLoadElsewhere("multiclass", model, data, columns);

        Assert.Equal(RowFormatter.Rows(scored, columns), fresh.Rows);
        AssertSameSchema(scored.Schema, fresh);
        Assert.Equal("Score Vector<Single, 3>", fresh.Types[0]);
        Assert.Equal("PredictedLabel Key<UInt32, 0-2> keyvalues=setosa|versicolor|virginica", fresh.Types[1]);
        Assert.Equal("PredictedFlower String", fresh.Types[2]);
        AssertSameMetrics(mlContext.MulticlassClassification.Evaluate(scored), fresh);
        Assert.True(fresh.Metrics["MicroAccuracy"] > 0.95);
    }

    [Fact]
    public void ABinaryPipelineReloadsInAFreshProcessWithIdenticalScoresAndTheStockEvaluateWorks()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(300, seed: 7));
        var model = mlContext.Transforms.NormalizeMeanVariance("Features")
            .Append(NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 20))
            .Fit(data);
        string[] columns = ["Score", "Probability", "PredictedLabel"];

        var scored = model.Transform(data);
        var fresh = SaveAndLoadElsewhere("binary", model, data, columns);

        Assert.Equal(RowFormatter.Rows(scored, columns), fresh.Rows);
        AssertSameSchema(scored.Schema, fresh);
        Assert.Equal(["Score Single", "Probability Single", "PredictedLabel Boolean"], fresh.Types);
        AssertSameMetrics(mlContext.BinaryClassification.Evaluate(scored), fresh);
    }

    [Fact]
    public void ARegressionPipelineFromATextFileReloadsInAFreshProcessWithIdenticalScoresAndTheStockEvaluateWorks()
    {
        var mlContext = new MLContext(seed: 1);
        string csv = Path.Combine(_directory, "surface.csv");
        File.WriteAllLines(csv, new[] { "a,b,c,label" }.Concat(TestData.Surface(300, seed: 7).Select(r =>
            string.Join(",", r.Features.Append(r.Label).Select(v => v.ToString("R", CultureInfo.InvariantCulture))))));
        var data = mlContext.Data.LoadFromTextFile(csv,
            [new TextLoader.Column("a", DataKind.Single, 0), new TextLoader.Column("b", DataKind.Single, 1), new TextLoader.Column("c", DataKind.Single, 2), new TextLoader.Column("Label", DataKind.Single, 3)],
            separatorChar: ',', hasHeader: true);
        var model = mlContext.Transforms.Concatenate("Features", "a", "b", "c")
            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
            .Append(NeuralNetworkRegressionTrainerTests.SmallTrainer(mlContext, epochs: 20))
            .Fit(data);
        string[] columns = ["Score"];

        var scored = model.Transform(data);
        var fresh = SaveAndLoadElsewhere("regression", model, data, columns);

        Assert.Equal(RowFormatter.Rows(scored, columns), fresh.Rows);
        AssertSameSchema(scored.Schema, fresh);
        Assert.Equal(["Score Single"], fresh.Types);
        AssertSameMetrics(mlContext.Regression.Evaluate(scored), fresh);
    }

    [Fact]
    public void TheTransformerSavedOnItsOwnReloadsAndSavesAgain()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Keys(20, seed: 1));
        var model = NeuralNetworkMulticlassTrainerTests.SmallTrainer(mlContext, epochs: 5).Fit(data);
        string first = Path.Combine(_directory, "first.zip"), second = Path.Combine(_directory, "second.zip");

        mlContext.Model.Save(model, data.Schema, first);
        var loaded = mlContext.Model.Load(first, out var schema);
        mlContext.Model.Save(loaded, schema, second);
        var reloaded = mlContext.Model.Load(second, out _);

        string[] columns = ["Score", "PredictedLabel"];
        var expected = RowFormatter.Rows(model.Transform(data), columns);
        Assert.Equal(expected, RowFormatter.Rows(loaded.Transform(data), columns));
        Assert.Equal(expected, RowFormatter.Rows(reloaded.Transform(data), columns));
        Assert.Equal(model.Transform(data).Schema.Select(c => c.Name), loaded.Transform(data).Schema.Select(c => c.Name));
    }

    [Fact]
    public void PredictionEnginesOnSeveralThreadsOverTheReloadedModelMatchTheTrainedModel()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = TestData.Circle(400, seed: 3);
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var model = NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 3).Fit(data);
        string path = Path.Combine(_directory, "model.zip");
        mlContext.Model.Save(model, data.Schema, path);
        var loaded = mlContext.Model.Load(path, out _);
        var expected = model.Transform(data).GetColumn<float>("Score").ToArray();

        int mismatches = 0;
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            using var engine = mlContext.Model.CreatePredictionEngine<BinaryRow, BinaryPrediction>(loaded);
            for (int i = t; i < rows.Count; i += 4)
            {
                var prediction = engine.Predict(rows[i]);
                if (BitConverter.SingleToInt32Bits(prediction.Score) != BitConverter.SingleToInt32Bits(expected[i]) || prediction.PredictedLabel != expected[i] > 0)
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();

        Assert.Equal(0, mismatches);
    }

    private sealed class BinaryPrediction
    {
        public float Score { get; set; }

        public bool PredictedLabel { get; set; }
    }

    [Fact]
    public void TheZipCarriesTheNetworkAndNoHelperColumnLeaks()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(20, seed: 1));
        var model = NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 1).Fit(data);
        string path = Path.Combine(_directory, "model.zip");
        mlContext.Model.Save(model, data.Schema, path);

        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("DefaultMap.idv", StringComparison.Ordinal));
        }
        var loaded = mlContext.Model.Load(path, out _);
        Assert.DoesNotContain(loaded.GetOutputSchema(data.Schema), c => c.Name.StartsWith("__NNTrainer", StringComparison.Ordinal));
    }

    [Fact]
    public void AReloadedModelStillRejectsARowOfTheWrongSize()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(20, seed: 1));
        var model = NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 1).Fit(data);
        string path = Path.Combine(_directory, "model.zip");
        mlContext.Model.Save(model, data.Schema, path);
        var loaded = mlContext.Model.Load(path, out _);

        var wrong = mlContext.Data.LoadFromEnumerable(new[] { new VariableRow { Features = [1, 2, 3] } });
        var error = Assert.ThrowsAny<Exception>(() => loaded.Transform(wrong).GetColumn<float>("Score").ToArray());
        var inner = error.InnerException ?? error;
        Assert.Contains("'Features' has 3 values", inner.Message);
        Assert.Contains("trained on 4 features", inner.Message);
    }

    private sealed class VariableRow
    {
        public float[] Features { get; set; } = [];
    }

    private LoadCheckOutput SaveAndLoadElsewhere(string task, ITransformer model, IDataView data, string[] columns)
    {
        var modelDirectory = Directory.CreateDirectory(Path.Combine(_directory, task)).FullName;
        string modelPath = Path.Combine(modelDirectory, "model.zip"), dataPath = Path.Combine(modelDirectory, "data.idv");
        new MLContext().Model.Save(model, data.Schema, modelPath);
        using (var stream = File.Create(dataPath)) new MLContext().Data.SaveAsBinary(data, stream);
        return LoadCheckProcess.Run(task, modelPath, dataPath, columns);
    }

    /// <summary>The reloaded model's scored schema is the fitted one's: column by column, annotation by annotation.</summary>
    private static void AssertSameSchema(DataViewSchema fitted, LoadCheckOutput fresh)
    {
        var expected = RowFormatter.Schema(fitted).ToArray();
        Assert.Equal(expected.Length, fresh.Schema.Count);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], fresh.Schema[i]);
    }

    private static void AssertSameMetrics(object inProcess, LoadCheckOutput fresh)
    {
        var expected = RowFormatter.Metrics(inProcess).Split(' ').Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(p => p.Key), fresh.Metrics.OrderBy(p => p.Key));
    }
}
