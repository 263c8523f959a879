using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// A tensor of an <see cref="IInferenceGraph"/>: flat [batch, values] when <see cref="Shape"/> is null, else
/// [batch, C, H, W]. The engine keeps every sample as one NCHW row, so the two forms hold the same values in the
/// same order and moving between them never needs a transpose.
/// </summary>
/// <param name="Name">The tensor's name in the graph.</param>
/// <param name="Shape">The image shape of a 4-D tensor; null for a flat one.</param>
public readonly record struct GraphTensor(string Name, ImageShape? Shape)
{
    /// <summary>The tensor as [batch, values]: a <c>Flatten(axis=1)</c> when it is 4-D.</summary>
    /// <param name="graph">The graph to add the node to.</param>
    /// <param name="name">Prefix of the node's output name.</param>
    public string Flat(IInferenceGraph graph, string name) =>
        Shape is null ? Name : graph.AddNode("Flatten", [Name], $"{name}_flatten", GraphAttribute.Integer("axis", 1));

    /// <summary>The tensor as [batch, C, H, W] of <paramref name="shape"/>: a <c>Reshape</c> of the flat row unless it already is.</summary>
    /// <param name="graph">The graph to add the nodes to.</param>
    /// <param name="shape">The image shape wanted.</param>
    /// <param name="name">Prefix of the nodes' output names.</param>
    public GraphTensor Image(IInferenceGraph graph, ImageShape shape, string name)
    {
        if (Shape == shape) return this;
        string flat = Flat(graph, name);
        var dims = graph.AddInitializer($"{name}_image_shape", [-1L, shape.Channels, shape.Height, shape.Width], 4);
        return new(graph.AddNode("Reshape", [flat, dims], $"{name}_image"), shape);
    }
}
