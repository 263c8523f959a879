using Onnx;

namespace NNTrainer.Onnx.Tests;

public sealed class ConvNetworkOnnxTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private const int Rows = 96;

    public static TheoryData<string> Networks() => ["valid", "same-stride2-bn", "same-even-kernel", "dense-bn-no-flatten", "lenet"];

    [Theory]
    [MemberData(nameof(Networks))]
    public void Exported_conv_network_scores_like_the_engine_in_onnx_runtime(string name)
    {
        var (network, inputs) = Trained(name);
        var model = network.ToOnnx();

        var outputs = OnnxRunner.Run(model, "input", inputs);
        double difference = OnnxRunner.MaxAbsDifference((float[])outputs["output"], network.Predict(inputs).AsSpan());
        output.WriteLine($"{name}: max |onnx - engine| = {difference:E2} over {inputs.Rows} rows; nodes {string.Join(" ", model.Graph.Node.Select(n => n.OpType))}");
        Assert.InRange(difference, 0, Tolerance);
        Assert.Equal(network.PredictClasses(inputs).Select(c => (long)c), (long[])outputs["label"]);
    }

    [Fact]
    public void Spatial_layers_map_to_onnx_operators_with_explicit_attributes()
    {
        var (network, _) = Trained("same-stride2-bn");
        var graph = network.ToOnnx().Graph;

        Assert.Equal(["Reshape", "Conv", "BatchNormalization", "Relu", "AveragePool", "Flatten", "Gemm", "BatchNormalization", "Relu", "Gemm", "Softmax",
            "Identity", "ArgMax", "Reshape", "Identity"], graph.Node.Select(n => n.OpType));
        var reshape = graph.Initializer.Single(t => t.Name == graph.Node[0].Input[1]);
        Assert.Equal([-1L, 2, 9, 9], reshape.Int64Data);
        var conv = graph.Node.Single(n => n.OpType == "Conv");
        // 9 at stride 2 with "same" gives 5 positions: (5 - 1)·2 + 3 − 9 = 2 rows of padding, one on each side.
        Assert.Equal([1L, 1, 1, 1], Ints(conv, "pads"));
        Assert.Equal([2L, 2], Ints(conv, "strides"));
        Assert.Equal([5L, 2, 3, 3], graph.Initializer.Single(t => t.Name == conv.Input[1]).Dims);
        var norms = graph.Node.Where(n => n.OpType == "BatchNormalization").ToArray();
        var layer = (BatchNormalizationLayer)network.Layers[1];
        Assert.All(norms, n => Assert.Equal(layer.Epsilon, n.Attribute.Single(a => a.Name == "epsilon").F));
        var mean = graph.Initializer.Single(t => t.Name == norms[0].Input[3]);
        Assert.Equal(layer.RunningMean, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(mean.RawData.Span).ToArray());
        Assert.Equal(1, graph.Node.Single(n => n.OpType == "AveragePool").Attribute.Single(a => a.Name == "count_include_pad").I);
    }

    [Fact]
    public void Odd_same_padding_goes_after_as_the_engine_pads()
    {
        var (network, _) = Trained("same-even-kernel");
        var conv = network.ToOnnx().Graph.Node.First(n => n.OpType == "Conv");

        // A 4×4 kernel at stride 1 needs 3 rows and columns of padding: 1 before, 2 after (TensorFlow's SAME).
        Assert.Equal([1L, 1, 2, 2], Ints(conv, "pads"));
    }

    private static long[] Ints(NodeProto node, string attribute) => node.Attribute.Single(a => a.Name == attribute).Ints.ToArray();

    /// <summary>A small conv network trained for two epochs on random images (so the weights and running statistics are far from their initial values).</summary>
    internal static (Network Network, Matrix Inputs) Trained(string name)
    {
        var network = new Network(seed: 11);
        ImageShape input;
        switch (name)
        {
            case "valid":
                input = new ImageShape(1, 8, 7);
                var conv = new Conv2DLayer(input, 4, 3);
                var pool = new MaxPool2DLayer(conv.OutputShape);
                network.Add(conv).Add(new ReLUActivation()).Add(pool).Add(new FlattenLayer(pool.OutputShape))
                    .Add(new DenseLayer(pool.OutputShape.Size, 3));
                break;
            case "same-stride2-bn":
                input = new ImageShape(2, 9, 9);
                var strided = new Conv2DLayer(input, 5, 3, stride: 2, padding: Padding.Same);
                var average = new AveragePool2DLayer(strided.OutputShape);
                network.Add(strided).Add(new BatchNormalizationLayer(strided.OutputShape, epsilon: 1e-3f)).Add(new ReLUActivation())
                    .Add(average).Add(new FlattenLayer(average.OutputShape))
                    .Add(new DenseLayer(average.OutputShape.Size, 16)).Add(new BatchNormalizationLayer(16, epsilon: 1e-3f)).Add(new ReLUActivation())
                    .Add(new DenseLayer(16, 3));
                break;
            case "same-even-kernel":
                input = new ImageShape(3, 7, 7);
                var even = new Conv2DLayer(input, 4, 4, padding: Padding.Same);
                var overlapping = new MaxPool2DLayer(even.OutputShape, poolSize: 3, stride: 2);
                network.Add(even).Add(new TanhActivation()).Add(new DropoutLayer(0.25f)).Add(overlapping)
                    .Add(new FlattenLayer(overlapping.OutputShape)).Add(new DenseLayer(overlapping.OutputShape.Size, 3));
                break;
            case "dense-bn-no-flatten":
                // A dense layer first, then an image made of its outputs, and a dense layer straight after a pool.
                input = new ImageShape(1, 6, 6);
                var afterDense = new ImageShape(2, 4, 4);
                var late = new Conv2DLayer(afterDense, 3, 3, padding: Padding.Same);
                var lateNorm = new BatchNormalizationLayer(late.OutputShape);
                var latePool = new AveragePool2DLayer(late.OutputShape, poolSize: 2, stride: 1);
                network.Add(new DenseLayer(input.Size, afterDense.Size)).Add(new LeakyReLUActivation())
                    .Add(late).Add(lateNorm).Add(latePool).Add(new SigmoidActivation())
                    .Add(new DenseLayer(latePool.OutputShape.Size, 3));
                break;
            default:
                input = new ImageShape(1, 12, 12);
                var c1 = new Conv2DLayer(input, 6, 5, padding: Padding.Same);
                var p1 = new MaxPool2DLayer(c1.OutputShape);
                var c2 = new Conv2DLayer(p1.OutputShape, 8, 5, padding: Padding.Same);
                var p2 = new MaxPool2DLayer(c2.OutputShape);
                network.Add(c1).Add(new ReLUActivation()).Add(p1).Add(c2).Add(new ReLUActivation()).Add(p2)
                    .Add(new FlattenLayer(p2.OutputShape)).Add(new DenseLayer(p2.OutputShape.Size, 20)).Add(new ReLUActivation())
                    .Add(new DenseLayer(20, 3));
                break;
        }
        network.Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.01f));
        var random = new Random(5);
        var inputs = new Matrix(Rows, input.Size);
        var values = inputs.AsSpan();
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        var labels = Enumerable.Range(0, Rows).Select(_ => random.Next(3)).ToArray();
        network.Fit(inputs, labels, new FitOptions { Epochs = 2, BatchSize = 16 });
        return (network, inputs);
    }
}
