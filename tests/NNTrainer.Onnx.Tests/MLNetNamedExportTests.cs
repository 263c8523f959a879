using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.Onnx.Tests;

public sealed class MLNetNamedExportTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData("multiclass", "Score")]
    [InlineData("regression", "Score")]
    [InlineData("binary", "Probability")]
    public void ApplyOnnxModel_takes_an_engine_network_exported_with_ml_net_names_without_renaming(string task, string scoreColumn)
    {
        var (network, inputs) = NetworkOnnxExtensionsTests.Trained(task, "relu", dropout: false);
        string path = Path.Combine(Path.GetTempPath(), $"nntrainer-mlnet-names-{task}-{Guid.NewGuid():N}.onnx");
        try
        {
            network.SaveAsOnnx(path, NetworkOnnxOptions.ForMLNet(scoreColumnName: scoreColumn));

            var ml = new MLContext(seed: 1);
            var data = FeatureView(ml, inputs);
            // No column names given: ApplyOnnxModel binds the graph's own input and output names to columns.
            var scored = ml.Transforms.ApplyOnnxModel(path).Fit(data).Transform(data);

            var expected = network.Predict(inputs);
            var actual = PipelineData.Floats(scored, scoreColumn).SelectMany(v => v).ToArray();
            double difference = OnnxRunner.MaxAbsDifference(actual, expected.AsSpan());
            output.WriteLine($"{task}: max |ApplyOnnxModel {scoreColumn} - engine| = {difference:E2} over {inputs.Rows} rows");
            Assert.InRange(difference, 0, Tolerance);
            Assert.Equal(expected.Columns, Assert.IsType<VectorDataViewType>(scored.Schema[scoreColumn].Type).Size);
            Assert.Null(scored.Schema.GetColumnOrNull("label"));
            Assert.Null(scored.Schema.GetColumnOrNull("output"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_ml_net_names_are_the_graph_s_input_and_only_output()
    {
        var (network, _) = NetworkOnnxExtensionsTests.Trained("multiclass", "relu", dropout: false);

        var model = network.ToOnnx(NetworkOnnxOptions.ForMLNet("Pixels"));

        Assert.Equal(["Pixels"], model.Graph.Input.Select(i => i.Name));
        Assert.Equal(["Score"], model.Graph.Output.Select(o => o.Name));
    }

    [Fact]
    public void A_score_name_equal_to_the_feature_name_is_refused()
    {
        var (network, _) = NetworkOnnxExtensionsTests.Trained("regression", "relu", dropout: false);
        var error = Assert.Throws<ArgumentException>(() => network.ToOnnx(NetworkOnnxOptions.ForMLNet("Score")));
        Assert.Contains("must differ", error.Message);
    }

    private sealed class FeatureRow
    {
        public float[] Features = [];
    }

    private static IDataView FeatureView(MLContext ml, Matrix inputs)
    {
        var definition = SchemaDefinition.Create(typeof(FeatureRow));
        definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, inputs.Columns);
        var rows = new List<FeatureRow>();
        var values = inputs.AsSpan();
        for (int r = 0; r < inputs.Rows; r++) rows.Add(new FeatureRow { Features = values.Slice(r * inputs.Columns, inputs.Columns).ToArray() });
        return ml.Data.LoadFromEnumerable(rows, definition);
    }
}
