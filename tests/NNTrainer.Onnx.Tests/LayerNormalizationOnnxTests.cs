namespace NNTrainer.Onnx.Tests;

public sealed class LayerNormalizationOnnxTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(13)]
    [InlineData(17)]
    public void Exported_layer_normalisation_scores_like_the_engine_in_onnx_runtime(int opset)
    {
        var (x, y) = SyntheticData.Spiral(40, 3, seed: 4);
        var network = new Network(seed: 9)
            .Add(new DenseLayer(2, 12)).Add(new LayerNormalizationLayer(12, epsilon: 1e-3f)).Add(new TanhActivation())
            .Add(new DenseLayer(12, 3)).Add(new SoftmaxActivation())
            .Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.02f), new CategoricalAccuracy());
        network.Fit(x, y, new FitOptions { Epochs = 5, BatchSize = 20 });

        var model = network.ToOnnx(new NetworkOnnxOptions { OpsetVersion = opset });
        var outputs = OnnxRunner.Run(model, "input", x);

        double difference = OnnxRunner.MaxAbsDifference((float[])outputs["output"], network.Predict(x).AsSpan());
        output.WriteLine($"opset {opset}: max |onnx - engine| = {difference:E2}; nodes {string.Join(" ", model.Graph.Node.Select(n => n.OpType))}");
        Assert.InRange(difference, 0, 1e-5);
        Assert.Equal(network.PredictClasses(x).Select(c => (long)c), (long[])outputs["label"]);
        Assert.Equal(2, model.Graph.Node.Count(n => n.OpType == "ReduceMean"));
    }

    [Fact]
    public void A_layer_without_a_graph_form_is_refused_by_index_and_type()
    {
        var network = new Network(seed: 1).Add(new DenseLayer(2, 3)).Add(new Opaque()).Add(new SoftmaxActivation())
            .Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer());
        network.Build();

        var e = Assert.Throws<OnnxExportException>(() => network.ToOnnx());
        Assert.Contains($"Layer 1 ({typeof(Opaque).FullName}) has no ONNX equivalent: Opaque does not override Layer.AppendTo", e.Message);
    }

    /// <summary>A user's layer that does not override <see cref="Layer.AppendTo"/>.</summary>
    private sealed class Opaque : Layer
    {
        public override int GetOutputSize(int inputSize) => inputSize;

        public override void Forward(Matrix inputs, bool training) => SetOutput(inputs);

        public override void Backward(Matrix dValues) => SetDInputs(dValues);

        public override void Infer(Matrix inputs, Matrix outputs) => inputs.AsSpan().CopyTo(outputs.AsSpan());
    }
}
