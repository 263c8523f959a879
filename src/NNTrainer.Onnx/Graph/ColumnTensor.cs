using Onnx;

namespace NNTrainer.Onnx;

/// <summary>The tensor that holds a column in the graph: its name, element type and width (values per row).</summary>
internal sealed record ColumnTensor(string Tensor, TensorProto.Types.DataType Type, long Width)
{
    /// <summary>The tensor behind a graph input or output written by ML.NET's exporter ([-1, width] tensors).</summary>
    public static ColumnTensor From(ValueInfoProto value)
    {
        var tensor = value.Type.TensorType;
        long width = tensor.Shape?.Dim is { Count: 2 } dims && dims[1].DimValue > 0 ? dims[1].DimValue : 0;
        return new ColumnTensor(value.Name, (TensorProto.Types.DataType)tensor.ElemType, width);
    }
}
