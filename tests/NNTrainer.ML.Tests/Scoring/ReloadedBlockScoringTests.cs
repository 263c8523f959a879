using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML.Tests.Trainers;

namespace NNTrainer.ML.Tests.Scoring;

/// <summary>
/// <c>WithBlockScoring</c> on a model read back with <c>mlContext.Model.Load</c>: the network's saved steps become a
/// <see cref="NeuralNetworkTransformer"/> again, scoring in blocks, with every output bit-identical to the fitted model.
/// </summary>
public class ReloadedBlockScoringTests
{
    public static TheoryData<string> Tasks() => new() { "binary", "multiclass", "regression" };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void ReloadedThenBlockScoredGivesTheFittedModelsOutputsBitForBit(string task)
    {
        var mlContext = new MLContext(seed: 1);
        var (fitted, data) = Fitted(mlContext, task);
        var reloaded = SaveAndLoad(mlContext, fitted, data);

        var blocked = reloaded.WithBlockScoring();

        var found = NeuralNetworkModel.FindNetwork(blocked);
        Assert.False(found.IsReloaded);
        Assert.IsAssignableFrom<NeuralNetworkTransformer>(Assert.Single(found.NetworkSteps));
        var expected = fitted.Transform(data);
        var actual = blocked.Transform(data);
        Assert.Equal(expected.Schema.Select(c => (c.Name, c.Type.ToString())), actual.Schema.Select(c => (c.Name, c.Type.ToString())));
        Assert.Equal(Values(expected), Values(actual));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void BlockScoredAndPlainReloadedAgreeOnScoresAndSchema(string task)
    {
        var mlContext = new MLContext(seed: 1);
        var (fitted, data) = Fitted(mlContext, task);
        var reloaded = SaveAndLoad(mlContext, fitted, data);

        var plain = reloaded.Transform(data);
        var blocked = reloaded.WithBlockScoring().Transform(data);

        Assert.Equal(plain.Schema.Select(c => (c.Name, c.Type.ToString(), Annotations(c))), blocked.Schema.Select(c => (c.Name, c.Type.ToString(), Annotations(c))));
        Assert.Equal(Values(plain, "Score"), Values(blocked, "Score"));
        if (task != "regression") Assert.Equal(Values(plain, "PredictedLabel"), Values(blocked, "PredictedLabel"));
    }

    [Fact]
    public void AFittedModelIsReturnedAsItIs()
    {
        var mlContext = new MLContext(seed: 1);
        var (fitted, _) = Fitted(mlContext, "binary");

        Assert.Same(fitted, fitted.WithBlockScoring());
    }

    [Fact]
    public void AModelWithoutANetworkIsRefused()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(TestData.Circle(20, seed: 1));
        var normaliser = mlContext.Transforms.NormalizeMinMax("Features").Fit(data);

        var error = Assert.Throws<ArgumentException>(() => normaliser.WithBlockScoring());

        Assert.StartsWith("The model contains no NNTrainer neural network", error.Message);
    }

    private sealed class TextLabelRow
    {
        public string Label { get; set; } = "";

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    private static (ITransformer Model, IDataView Data) Fitted(MLContext mlContext, string task)
    {
        switch (task)
        {
            case "binary":
                var circle = mlContext.Data.LoadFromEnumerable(TestData.Circle(700, seed: 2));
                return (mlContext.Transforms.NormalizeMeanVariance("Features").Append(NeuralNetworkBinaryTrainerTests.SmallTrainer(mlContext, epochs: 2)).Fit(circle), circle);
            case "multiclass":
                string[] names = ["cat", "dog", "fish"];
                var rows = TestData.Keys(234, seed: 2).Select(r => new TextLabelRow { Label = names[r.Label], Features = r.Features });
                var keys = mlContext.Data.LoadFromEnumerable(rows);
                var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
                    .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                    .Append(NeuralNetworkMulticlassTrainerTests.SmallTrainer(mlContext, epochs: 2))
                    .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedName", "PredictedLabel"));
                return (pipeline.Fit(keys), keys);
            default:
                var surface = mlContext.Data.LoadFromEnumerable(TestData.Surface(700, seed: 2));
                return (mlContext.Transforms.NormalizeMeanVariance("Features").Append(NeuralNetworkRegressionTrainerTests.SmallTrainer(mlContext, epochs: 2)).Fit(surface), surface);
        }
    }

    private static ITransformer SaveAndLoad(MLContext mlContext, ITransformer model, IDataView data)
    {
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        var loaded = mlContext.Model.Load(stream, out _);
        Assert.True(NeuralNetworkModel.FindNetwork(loaded).IsReloaded);
        return loaded;
    }

    /// <summary>Every value of every column (or of one), floats by their bits, row by row.</summary>
    private static List<string> Values(IDataView view, string? only = null)
    {
        var columns = view.Schema.Where(c => only is null || c.Name == only).Where(c => !c.IsHidden).ToArray();
        Assert.NotEmpty(columns);
        var values = new List<string>();
        using var cursor = view.GetRowCursor(columns);
        while (cursor.MoveNext())
        {
            foreach (var column in columns) values.Add(column.Name + "=" + Read(cursor, column));
        }
        Assert.True(values.Count >= 700);
        return values;
    }

    private static string Annotations(DataViewSchema.Column column) =>
        string.Join(";", column.Annotations.Schema.Select(a => a.Name + ":" + a.Type));

    private static string Read(DataViewRow row, DataViewSchema.Column column) => column.Type switch
    {
        VectorDataViewType { ItemType: var item } when item == NumberDataViewType.Single => Vector(row, column),
        VectorDataViewType => "(vector)",
        _ when column.Type == NumberDataViewType.Single => Bits(Get<float>(row, column)),
        _ when column.Type == NumberDataViewType.UInt32 => Get<uint>(row, column).ToString(),
        _ when column.Type == BooleanDataViewType.Instance => Get<bool>(row, column).ToString(),
        _ when column.Type == TextDataViewType.Instance => Get<ReadOnlyMemory<char>>(row, column).ToString(),
        KeyDataViewType => Get<uint>(row, column).ToString(),
        _ => throw new NotSupportedException(column.Type.ToString()),
    };

    private static T Get<T>(DataViewRow row, DataViewSchema.Column column)
    {
        T value = default!;
        row.GetGetter<T>(column)(ref value);
        return value;
    }

    private static string Vector(DataViewRow row, DataViewSchema.Column column) =>
        string.Join(",", Get<VBuffer<float>>(row, column).DenseValues().Select(Bits));

    private static string Bits(float value) => BitConverter.SingleToInt32Bits(value).ToString("x8");
}
