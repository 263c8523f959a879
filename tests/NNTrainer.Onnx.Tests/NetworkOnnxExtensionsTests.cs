using Onnx;

namespace NNTrainer.Onnx.Tests;

public sealed class NetworkOnnxExtensionsTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private const int Rows = 3000;

    public static TheoryData<string, string> TasksAndActivations()
    {
        var data = new TheoryData<string, string>();
        foreach (var task in new[] { "multiclass", "binary", "regression" })
        {
            foreach (var activation in new[] { "relu", "leaky-relu", "sigmoid", "tanh", "linear", "softmax" }) data.Add(task, activation);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TasksAndActivations))]
    public void Exported_network_scores_like_the_engine_in_onnx_runtime(string task, string activation)
    {
        var (network, inputs) = Trained(task, activation, dropout: true);
        var model = network.ToOnnx();

        var outputs = OnnxRunner.Run(model, "input", inputs);
        var expected = network.Predict(inputs);
        double difference = OnnxRunner.MaxAbsDifference((float[])outputs["output"], expected.AsSpan());
        output.WriteLine($"{task}/{activation}: max |onnx - engine| = {difference:E2} over {inputs.Rows} rows");
        Assert.InRange(difference, 0, Tolerance);
        if (task == "regression")
        {
            Assert.False(outputs.ContainsKey("label"));
        }
        else
        {
            Assert.Equal(network.PredictClasses(inputs).Select(c => (long)c), (long[])outputs["label"]);
        }
    }

    [Fact]
    public void Dropout_is_removed_and_every_layer_maps_to_its_onnx_operator()
    {
        var network = new Network(seed: 3);
        network.Add(new DenseLayer(4, 8)).Add(new ReLUActivation()).Add(new DropoutLayer(0.5f))
            .Add(new DenseLayer(8, 8)).Add(new LeakyReLUActivation(0.2f)).Add(new DenseLayer(8, 8)).Add(new TanhActivation())
            .Add(new DenseLayer(8, 8)).Add(new SigmoidActivation()).Add(new DenseLayer(8, 8)).Add(new LinearActivation())
            .Add(new DenseLayer(8, 3)).Add(new SoftmaxActivation());
        network.Build();

        var model = network.ToOnnx();

        Assert.Equal(["Gemm", "Relu", "Gemm", "LeakyRelu", "Gemm", "Tanh", "Gemm", "Sigmoid", "Gemm", "Gemm", "Softmax", "Identity", "ArgMax", "Reshape", "Identity"],
            model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(0.2f, model.Graph.Node.Single(n => n.OpType == "LeakyRelu").Attribute.Single(a => a.Name == "alpha").F);
        Assert.Equal(13, model.OpsetImport.Single(o => o.Domain == "").Version);
        Assert.Equal(["input"], model.Graph.Input.Select(i => i.Name));
        Assert.Equal(["output", "label"], model.Graph.Output.Select(o => o.Name));
    }

    [Fact]
    public void Weights_are_stored_bit_for_bit()
    {
        var (network, _) = Trained("multiclass", "relu", dropout: false);
        var model = network.ToOnnx();
        var first = (DenseLayer)network.Layers[0];
        var weights = model.Graph.Initializer.Single(t => t.Name == "layer0_weights");

        Assert.Equal([first.InputSize, first.Neurons], weights.Dims);
        var stored = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(weights.RawData.Span).ToArray();
        Assert.Equal(first.Weights.Values.Select(BitConverter.SingleToInt32Bits), stored.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Names_and_opset_follow_the_options_and_a_file_round_trips()
    {
        var (network, inputs) = Trained("binary", "tanh", dropout: false);
        var options = new NetworkOnnxOptions { InputName = "x", OutputName = "probability", PredictedLabelName = null, OpsetVersion = 17 };
        var path = Path.Combine(Path.GetTempPath(), $"nntrainer-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            network.SaveAsOnnx(path, options);
            var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));

            Assert.Equal(17, model.OpsetImport.Single(o => o.Domain == "").Version);
            Assert.Equal(["probability"], model.Graph.Output.Select(o => o.Name));
            var outputs = OnnxRunner.Run(model, "x", inputs);
            Assert.InRange(OnnxRunner.MaxAbsDifference((float[])outputs["probability"], network.Predict(inputs).AsSpan()), 0, Tolerance);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_requests_fail_with_clear_errors()
    {
        var unbuilt = new Network().Add(new DenseLayer(2, 2));
        Assert.Contains("built", Assert.Throws<InvalidOperationException>(() => unbuilt.ToOnnx()).Message);

        var (network, _) = Trained("regression", "relu", dropout: false);
        var opset = Assert.Throws<ArgumentOutOfRangeException>(() => network.ToOnnx(new NetworkOnnxOptions { OpsetVersion = 12 }));
        Assert.Contains("13 to 17", opset.Message);
        var same = Assert.Throws<ArgumentException>(() => network.ToOnnx(new NetworkOnnxOptions { InputName = "x", OutputName = "x" }));
        Assert.Contains("must differ", same.Message);
    }

    /// <summary>A small network of the task trained for a few epochs (weights far from their initial values), and rows to score.</summary>
    internal static (Network Network, Matrix Inputs) Trained(string task, string activation, bool dropout)
    {
        var network = new Network(seed: 7);
        int inputs = task == "regression" ? 1 : 2;
        int outputs = task switch { "multiclass" => 3, _ => 1 };
        network.Add(new DenseLayer(inputs, 32));
        network.Add(Activation(activation));
        if (dropout) network.Add(new DropoutLayer(0.1f));
        network.Add(new DenseLayer(32, 16));
        network.Add(Activation(activation));
        network.Add(new DenseLayer(16, outputs));
        switch (task)
        {
            case "multiclass":
                network.Add(new SoftmaxActivation());
                network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.02f));
                var (x, y) = SyntheticData.Spiral(Rows / 3, 3, seed: 1);
                network.Fit(x, y, new FitOptions { Epochs = 5 });
                return (network, x);
            case "binary":
                network.Add(new SigmoidActivation());
                network.Set(new BinaryCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.02f));
                var (bx, by) = SyntheticData.Spiral(Rows / 2, 2, seed: 1);
                network.Fit(bx, Matrix.FromColumn(by.Select(v => (float)v).ToArray()), new FitOptions { Epochs = 5 });
                return (network, bx);
            default:
                network.Add(new LinearActivation());
                network.Set(new MeanSquaredErrorLoss(), new AdamOptimizer(learningRate: 0.005f));
                var (sx, sy) = SyntheticData.Sine(Rows);
                network.Fit(sx, sy, new FitOptions { Epochs = 5 });
                return (network, sx);
        }
    }

    private static Layer Activation(string name) => name switch
    {
        "relu" => new ReLUActivation(),
        "leaky-relu" => new LeakyReLUActivation(),
        "sigmoid" => new SigmoidActivation(),
        "tanh" => new TanhActivation(),
        "linear" => new LinearActivation(),
        "softmax" => new SoftmaxActivation(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
