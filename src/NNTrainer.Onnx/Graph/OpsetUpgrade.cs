using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// Moves a graph written by ML.NET's exporter (which stops at opset 12) to a newer default-domain opset. Only four
/// operators that ML.NET emits changed meaning in opset 13: Squeeze, Unsqueeze, ReduceSum and Split took their
/// axes or split sizes from an attribute and take them from an input since; this rewrites those nodes. Softmax,
/// LogSoftmax and Hardmax also changed (one axis instead of a flattened 2-D view), which cannot be rewritten
/// without knowing ranks, so a grafted graph that uses them is refused.
/// </summary>
internal static class OpsetUpgrade
{
    private static readonly Dictionary<string, string> AttributeToInput = new(StringComparer.Ordinal)
    {
        ["Squeeze"] = "axes",
        ["Unsqueeze"] = "axes",
        ["ReduceSum"] = "axes",
        ["Split"] = "split",
    };

    public static void To13OrLater(GraphBuilder graph, IEnumerable<NodeProto> nodes, string source)
    {
        foreach (var node in nodes.ToArray())
        {
            if (node.Domain is not ("" or "ai.onnx")) continue;
            if (node.OpType is "Softmax" or "LogSoftmax" or "Hardmax")
            {
                throw new OnnxExportException($"The ONNX graph ML.NET produced for {source} uses {node.OpType}, whose meaning changed in opset 13; NNTrainer.Onnx cannot move it to the opset the network needs.");
            }
            if (!AttributeToInput.TryGetValue(node.OpType, out var attributeName)) continue;
            var attribute = node.Attribute.FirstOrDefault(a => a.Name == attributeName);
            if (attribute is null) continue;
            node.Attribute.Remove(attribute);
            var values = attribute.Ints.ToArray();
            var constant = graph.Constant($"{node.Name}_{attributeName}", values, values.Length);
            // In opset 12 these nodes have the data as their only input; the axes (or split sizes) come second.
            node.Input.Insert(1, constant);
        }
    }
}
