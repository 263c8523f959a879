using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// Keeps only what the graph's outputs need. ML.NET's exporter passes every column through to an output and adds
/// slot-name nodes; once grafted, those would make every raw column (the label too) a required input.
/// </summary>
internal static class GraphPruning
{
    public static void KeepOnlyWhatOutputsNeed(GraphProto graph)
    {
        var needed = new HashSet<string>(graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        var kept = new List<NodeProto>();
        for (int i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (!node.Output.Any(needed.Contains)) continue;
            kept.Add(node);
            foreach (var input in node.Input)
            {
                if (input.Length > 0) needed.Add(input);
            }
        }
        kept.Reverse();
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        Keep(graph.Initializer, t => needed.Contains(t.Name));
        Keep(graph.Input, v => needed.Contains(v.Name));
        // Intermediate shapes are optional hints, and ML.NET's are sometimes wrong ([-1, 1, 3] for a [-1, 3] tensor).
        graph.ValueInfo.Clear();
    }

    private static void Keep<T>(Google.Protobuf.Collections.RepeatedField<T> items, Func<T, bool> keep)
    {
        var kept = items.Where(keep).ToArray();
        items.Clear();
        items.AddRange(kept);
    }
}
