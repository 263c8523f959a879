using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// Adds nodes, constants, inputs and outputs to an ONNX graph under names that cannot clash with any name the
/// graph already uses (a graph grafted from ML.NET's exporter brings its own names). It is the engine's
/// <see cref="IInferenceGraph"/>, which each layer writes its nodes to.
/// </summary>
internal sealed class GraphBuilder : IInferenceGraph
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public GraphBuilder(GraphProto graph)
    {
        Graph = graph;
        foreach (var v in graph.Input) _names.Add(v.Name);
        foreach (var v in graph.Output) _names.Add(v.Name);
        foreach (var t in graph.Initializer) _names.Add(t.Name);
        foreach (var n in graph.Node)
        {
            _names.Add(n.Name);
            foreach (var o in n.Output) _names.Add(o);
        }
    }

    public GraphProto Graph { get; }

    /// <summary>A fresh name starting with <paramref name="hint"/>.</summary>
    public string Unique(string hint)
    {
        if (_names.Add(hint)) return hint;
        for (int i = 1; ; i++)
        {
            var name = $"{hint}_{i}";
            if (_names.Add(name)) return name;
        }
    }

    /// <summary>Adds a node of the default domain with one output and returns the output's name.</summary>
    public string Node(string opType, IEnumerable<string> inputs, string outputHint, params AttributeProto[] attributes)
    {
        var output = Unique(outputHint);
        var node = new NodeProto { OpType = opType, Name = Unique($"{outputHint}/{opType}"), Domain = "" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return output;
    }

    /// <summary>Adds a float constant of shape <paramref name="dims"/>.</summary>
    public string Constant(string hint, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Unique(hint), DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        // Raw little-endian bytes: bit-exact and compact, and what ONNX Runtime reads fastest.
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds an int64 constant of shape <paramref name="dims"/>.</summary>
    public string Constant(string hint, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = Unique(hint), DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds a graph input of element type <paramref name="elementType"/> and shape [batch, <paramref name="width"/>].</summary>
    public void Input(string name, TensorProto.Types.DataType elementType, long width)
    {
        if (!_names.Add(name)) throw new ArgumentException($"The ONNX graph already has a tensor named '{name}'.", nameof(name));
        Graph.Input.Add(ValueInfo(name, elementType, width));
    }

    /// <summary>Exposes <paramref name="tensor"/> as graph output <paramref name="name"/> (through an Identity node when the names differ).</summary>
    public void Output(string name, string tensor, TensorProto.Types.DataType elementType, long width)
    {
        if (name != tensor)
        {
            if (!_names.Add(name))
            {
                throw new ArgumentException($"The ONNX graph cannot have an output named '{name}': an input or another tensor of the graph already has that name.", nameof(name));
            }
            var node = new NodeProto { OpType = "Identity", Name = Unique($"{name}/Identity"), Domain = "" };
            node.Input.Add(tensor);
            node.Output.Add(name);
            Graph.Node.Add(node);
        }
        Graph.Output.Add(ValueInfo(name, elementType, width));
    }

    string IInferenceGraph.AddNode(string opType, IReadOnlyList<string> inputs, string outputHint, params GraphAttribute[] attributes) =>
        Node(opType, inputs, outputHint, Array.ConvertAll(attributes, Attribute));

    string IInferenceGraph.AddInitializer(string hint, ReadOnlySpan<float> values, params long[] dims) => Constant(hint, values, dims);

    string IInferenceGraph.AddInitializer(string hint, long[] values, params long[] dims) => Constant(hint, values, dims);

    private static AttributeProto Attribute(GraphAttribute attribute) => attribute.Kind switch
    {
        GraphAttributeKind.Int => Int(attribute.Name, attribute.Int),
        GraphAttributeKind.Ints => Ints(attribute.Name, [.. attribute.Ints]),
        _ => Float(attribute.Name, attribute.Float),
    };

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A tensor type of shape [batch, <paramref name="width"/>], with a symbolic batch dimension.</summary>
    public static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType elementType, long width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        if (width > 0) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
        };
    }
}
