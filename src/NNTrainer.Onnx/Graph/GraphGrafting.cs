using Onnx;

namespace NNTrainer.Onnx;

/// <summary>Copies the nodes of one graph into another, wiring its inputs to tensors that already exist and renaming everything else.</summary>
internal static class GraphGrafting
{
    /// <summary>Grafts <paramref name="source"/> into <paramref name="target"/>.</summary>
    /// <param name="target">The graph to add to.</param>
    /// <param name="source">A graph already pruned to the outputs wanted.</param>
    /// <param name="inputs">For each input of <paramref name="source"/> that is used, the tensor of <paramref name="target"/> it reads.</param>
    /// <param name="prefix">A prefix for the renamed tensors, for readability.</param>
    /// <returns>The name each tensor of <paramref name="source"/> has in <paramref name="target"/>.</returns>
    public static Dictionary<string, string> Graft(GraphBuilder target, GraphProto source, IReadOnlyDictionary<string, string> inputs, string prefix)
    {
        var names = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        foreach (var initializer in source.Initializer)
        {
            var copy = initializer.Clone();
            copy.Name = target.Unique(prefix + initializer.Name);
            names[initializer.Name] = copy.Name;
            target.Graph.Initializer.Add(copy);
        }
        foreach (var node in source.Node)
        {
            var copy = node.Clone();
            copy.Name = target.Unique(prefix + (node.Name.Length > 0 ? node.Name : node.OpType));
            copy.Input.Clear();
            foreach (var input in node.Input) copy.Input.Add(input.Length == 0 ? "" : names[input]);
            copy.Output.Clear();
            foreach (var output in node.Output)
            {
                var renamed = target.Unique(prefix + output);
                names[output] = renamed;
                copy.Output.Add(renamed);
            }
            target.Graph.Node.Add(copy);
        }
        return names;
    }
}
