using NNTrainer.ML;
using Onnx;

namespace NNTrainer.Onnx;

/// <summary>
/// The network's nodes followed by the columns its ML.NET transformer adds, with the same types and meaning:
/// binary <c>Score</c> (logit), <c>Probability</c> and <c>PredictedLabel</c> (Boolean, logit &gt; 0); multiclass
/// <c>Score</c> (class probabilities) and <c>PredictedLabel</c> (uint32 key: class index + 1, ML.NET's key
/// convention, first class on ties as ArgMax does); regression <c>Score</c>.
/// </summary>
internal static class TaskOutputs
{
    public static Dictionary<string, ColumnTensor> Append(GraphBuilder graph, FoundNeuralNetwork found, string features)
    {
        var network = found.Network;
        var (output, logits) = NetworkGraph.Append(graph, network, features, "nntrainer/");
        const TensorProto.Types.DataType Float = TensorProto.Types.DataType.Float;
        var columns = new Dictionary<string, ColumnTensor>(StringComparer.Ordinal);
        switch (found.Task)
        {
            case NeuralNetworkTask.BinaryClassification:
                var positive = graph.Node("Greater", [logits, graph.Constant("nntrainer/zero", [0f], 1)], "nntrainer/positive");
                columns["Score"] = new(logits, Float, 1);
                columns["Probability"] = new(output, Float, 1);
                columns["PredictedLabel"] = new(positive, TensorProto.Types.DataType.Bool, 1);
                break;
            case NeuralNetworkTask.MulticlassClassification:
                var index = graph.Node("ArgMax", [output], "nntrainer/class_index", GraphBuilder.Int("axis", 1), GraphBuilder.Int("keepdims", 1));
                var key = graph.Node("Add", [index, graph.Constant("nntrainer/one", [1L], 1)], "nntrainer/class_key");
                var predicted = graph.Node("Cast", [key], "nntrainer/predicted_key", GraphBuilder.Int("to", (long)TensorProto.Types.DataType.Uint32));
                columns["Score"] = new(output, Float, network.OutputSize);
                columns["PredictedLabel"] = new(predicted, TensorProto.Types.DataType.Uint32, 1);
                break;
            default:
                columns["Score"] = new(output, Float, network.OutputSize);
                break;
        }
        return columns;
    }
}
