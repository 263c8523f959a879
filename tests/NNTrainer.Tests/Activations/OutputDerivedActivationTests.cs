namespace NNTrainer.Tests.Activations;

public class OutputDerivedActivationTests
{
    // The ONNX node of sigmoid and tanh: operator and output name as each activation wrote them before they shared a
    // base, so exported graphs keep their node names.
    [Theory]
    [InlineData("sigmoid", "Sigmoid", "layer2_sigmoid")]
    [InlineData("tanh", "Tanh", "layer2_tanh")]
    public void AppendsOneNodeOfItsOperatorNamedAfterTheLayer(string activation, string op, string output)
    {
        Layer layer = activation == "sigmoid" ? new SigmoidActivation() : new TanhActivation();
        var graph = new RecordingGraph();
        var result = layer.AppendTo(graph, new GraphTensor("dense1", null), "layer2");
        Assert.Equal((op, "dense1", output), Assert.Single(graph.Nodes));
        Assert.Equal(new GraphTensor(output, null), result);
    }

    private sealed class RecordingGraph : IInferenceGraph
    {
        public List<(string Op, string Input, string Output)> Nodes { get; } = [];

        public string AddNode(string opType, IReadOnlyList<string> inputs, string outputHint, params GraphAttribute[] attributes)
        {
            Nodes.Add((opType, Assert.Single(inputs), outputHint));
            return outputHint;
        }

        public string AddInitializer(string hint, ReadOnlySpan<float> values, params long[] dims) => throw new NotSupportedException();

        public string AddInitializer(string hint, long[] values, params long[] dims) => throw new NotSupportedException();
    }
}
