using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.Hardening.Tests.BadInput;

/// <summary>Bad inputs to the ML.NET trainers and their trained and reloaded transformers.</summary>
public static class MlNetCases
{
    private const string Surface = "ML.NET";

    public static IEnumerable<BadInputCase> All()
    {
        yield return Binary("feature column missing", ml => ml.Data.LoadFromEnumerable(new[] { new OtherRow() }), o => { }, "ArgumentOutOfRangeException", "Features");
        yield return Binary("feature column is text", ml => ml.Data.LoadFromEnumerable(new[] { new TextFeatures() }), o => { }, "ArgumentOutOfRangeException", "Features", "String");
        yield return Binary("feature column is a single float", ml => ml.Data.LoadFromEnumerable(new[] { new ScalarFeatures() }), o => { }, "ArgumentOutOfRangeException", "Features", "Concatenate");
        yield return Binary("feature vector of variable size", ml => ml.Data.LoadFromEnumerable(new[] { new VariableFeatures() }), o => { }, "ArgumentOutOfRangeException", "Features", "size");
        yield return Binary("NaN feature", ml => Rows(ml, spoil: (r, i) => { if (i == 5) r.Features[1] = float.NaN; }), o => { }, "ArgumentException", "Features", "row 5", "NaN");
        yield return Binary("+∞ feature", ml => Rows(ml, spoil: (r, i) => { if (i == 9) r.Features[2] = float.PositiveInfinity; }), o => { }, "ArgumentException", "Features", "row 9", "Infinity");
        yield return Binary("label column missing", ml => Rows(ml), o => o.LabelColumnName = "Churned", "ArgumentOutOfRangeException", "Churned");
        yield return Binary("binary label is a float", ml => ml.Data.LoadFromEnumerable(new[] { new FloatLabel() }), o => { }, "ArgumentOutOfRangeException", "Label", "Boolean");
        yield return new(Surface, "multiclass label is text (no MapValueToKey)", () => Outcome.Of(() =>
        {
            var ml = new MLContext(seed: 1);
            ml.MulticlassClassification.Trainers.NeuralNetwork().Fit(ml.Data.LoadFromEnumerable(new[] { new TextLabel() }));
        }), "ArgumentOutOfRangeException", "Label", "MapValueToKey");
        yield return Binary("empty data", ml => ml.Data.LoadFromEnumerable(Array.Empty<Row>()), o => { }, "ArgumentException", "no rows");
        yield return Binary("a single class (every label true)", ml => Rows(ml, spoil: (r, _) => r.Label = true), o => { }, "ArgumentException", "Label", "class");
        yield return new(Surface, "a single class (multiclass)", () => Outcome.Of(() =>
        {
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new TextLabel { Label = "only", Features = [i, 1, 2] }));
            ml.Transforms.Conversion.MapValueToKey("Label").Append(ml.MulticlassClassification.Trainers.NeuralNetwork(numberOfEpochs: 1)).Fit(data);
        }), "ArgumentOutOfRangeException", "Label", "two classes");
        yield return Option("HiddenLayers = [0]", o => o.HiddenLayers = [0], "HiddenLayers");
        yield return Option("HiddenLayers = [16, −4]", o => o.HiddenLayers = [16, -4], "HiddenLayers");
        yield return Option("LearningRate = NaN", o => o.LearningRate = float.NaN, "LearningRate");
        yield return Option("BatchSize = 0", o => o.BatchSize = 0, "BatchSize");
        yield return Option("NumberOfEpochs = −1", o => o.NumberOfEpochs = -1, "NumberOfEpochs");
        yield return Option("DropoutRate = 1", o => o.DropoutRate = 1, "DropoutRate");
        yield return Option("NumberOfThreads = 0", o => o.NumberOfThreads = 0, "NumberOfThreads");
        yield return new(Surface, "learning rate 1e30 (divergence)", () => Outcome.Of(() =>
        {
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 40).Select(i => new FloatLabel { Features = [i % 7, i % 5, 1], Label = i }));
            ml.Regression.Trainers.NeuralNetwork(new NeuralNetworkRegressionTrainer.Options { HiddenLayers = [8], NumberOfEpochs = 20, LearningRate = 1e30f, Optimizer = NeuralNetworkOptimizer.Sgd }).Fit(data);
        }), "TrainingDivergedException", "diverged", "learning rate");
        yield return Scoring("scoring a vector of the wrong size", ml => ml.Data.LoadFromEnumerable(new[] { new WideRow() }), "ArgumentOutOfRangeException", "Features", "3");
        yield return Scoring("scoring without the feature column", ml => ml.Data.LoadFromEnumerable(new[] { new OtherRow() }), "ArgumentOutOfRangeException", "Features");
        yield return new(Surface, "reloaded model scoring a variable-size row of the wrong size", () => Outcome.Of(() =>
        {
            var ml = new MLContext(seed: 1);
            var data = Rows(ml);
            var model = Train(ml, data);
            using var stream = new MemoryStream();
            ml.Model.Save(model, data.Schema, stream);
            stream.Position = 0;
            var reloaded = ml.Model.Load(stream, out _);
            var engine = ml.Model.CreatePredictionEngine<VariableFeatures, Prediction>(reloaded);
            engine.Predict(new VariableFeatures { Features = [1, 2, 3, 4, 5] });
        }), "InvalidOperationException", "Features", "5 values", "3 features");
    }

    private static BadInputCase Binary(string name, Func<MLContext, IDataView> data, Action<NeuralNetworkBinaryTrainer.Options> spoil, string error, params string[] mentions) =>
        new(Surface, name, () => Outcome.Of(() =>
        {
            var ml = new MLContext(seed: 1);
            var options = new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [4], NumberOfEpochs = 2 };
            spoil(options);
            ml.BinaryClassification.Trainers.NeuralNetwork(options).Fit(data(ml));
        }), error, mentions);

    private static BadInputCase Option(string name, Action<NeuralNetworkBinaryTrainer.Options> spoil, string option) =>
        Binary(name, Rows, spoil, "ArgumentOutOfRangeException", option);

    private static BadInputCase Scoring(string name, Func<MLContext, IDataView> data, string error, params string[] mentions) =>
        new(Surface, name, () => Outcome.Of(() =>
        {
            var ml = new MLContext(seed: 1);
            Train(ml, Rows(ml)).Transform(data(ml));
        }), error, mentions);

    private static ITransformer Train(MLContext ml, IDataView data) =>
        ml.BinaryClassification.Trainers.NeuralNetwork(new NeuralNetworkBinaryTrainer.Options { HiddenLayers = [4], NumberOfEpochs = 2 }).Fit(data);

    private static IDataView Rows(MLContext ml) => Rows(ml, (_, _) => { });

    private static IDataView Rows(MLContext ml, Action<Row, int> spoil)
    {
        var random = new Random(2);
        var rows = Enumerable.Range(0, 40).Select(i =>
        {
            var row = new Row { Features = [(float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble()], Label = i % 2 == 0 };
            spoil(row, i);
            return row;
        }).ToArray();
        return ml.Data.LoadFromEnumerable(rows);
    }

    public sealed class Row
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    public sealed class OtherRow
    {
        [VectorType(3)]
        public float[] Measurements { get; set; } = [1, 2, 3];

        public bool Label { get; set; }
    }

    public sealed class TextFeatures
    {
        public string Features { get; set; } = "1,2,3";

        public bool Label { get; set; }
    }

    public sealed class ScalarFeatures
    {
        public float Features { get; set; }

        public bool Label { get; set; }
    }

    public sealed class VariableFeatures
    {
        public float[] Features { get; set; } = [1, 2, 3];

        public bool Label { get; set; }
    }

    public sealed class FloatLabel
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [1, 2, 3];

        public float Label { get; set; }
    }

    public sealed class TextLabel
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [1, 2, 3];

        public string Label { get; set; } = "a";
    }

    public sealed class WideRow
    {
        [VectorType(5)]
        public float[] Features { get; set; } = [1, 2, 3, 4, 5];
    }

    public sealed class Prediction
    {
        public float Score { get; set; }
    }
}
