namespace NNTrainer.Layers;

/// <summary>
/// An inference graph under construction, as a layer sees it: named tensors joined by operator nodes, with constant
/// tensors (initializers) for the weights. Each layer appends its own nodes (<see cref="Layer.AppendTo"/>), so an
/// exporter walks the network without knowing its layer kinds; <c>NNTrainer.Onnx</c> implements it on an ONNX graph.
/// </summary>
/// <remarks>
/// Operator names, attributes and broadcasting are ONNX's (default domain, opset 13 or later), the one graph format
/// the engine exports to. The engine itself never references ONNX: this interface is the whole contract.
/// </remarks>
public interface IInferenceGraph
{
    /// <summary>Adds a node with one output and returns the output tensor's name.</summary>
    /// <param name="opType">Operator, e.g. <c>"Gemm"</c> or <c>"Relu"</c>.</param>
    /// <param name="inputs">Names of the input tensors, in the operator's order.</param>
    /// <param name="outputHint">Preferred name of the output; made unique by the graph.</param>
    /// <param name="attributes">The operator's attributes.</param>
    string AddNode(string opType, IReadOnlyList<string> inputs, string outputHint, params GraphAttribute[] attributes);

    /// <summary>Adds a float32 constant and returns its name.</summary>
    /// <param name="hint">Preferred name; made unique by the graph.</param>
    /// <param name="values">The values, row-major; copied bit for bit.</param>
    /// <param name="dims">The constant's shape.</param>
    string AddInitializer(string hint, ReadOnlySpan<float> values, params long[] dims);

    /// <summary>Adds an int64 constant (shapes, axes) and returns its name.</summary>
    /// <param name="hint">Preferred name; made unique by the graph.</param>
    /// <param name="values">The values.</param>
    /// <param name="dims">The constant's shape.</param>
    string AddInitializer(string hint, long[] values, params long[] dims);
}
