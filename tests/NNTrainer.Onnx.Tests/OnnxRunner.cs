using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace NNTrainer.Onnx.Tests;

/// <summary>Runs an exported model in ONNX Runtime.</summary>
public static class OnnxRunner
{
    public static InferenceSession Open(ModelProto model) => new(model.ToByteArray());

    /// <summary>Runs the model on [rows x columns] float input under one input name; returns every output by name.</summary>
    public static Dictionary<string, Array> Run(ModelProto model, string inputName, Matrix inputs) =>
        Run(model, [NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(inputs.AsSpan().ToArray(), [inputs.Rows, inputs.Columns]))]);

    public static Dictionary<string, Array> Run(ModelProto model, IReadOnlyCollection<NamedOnnxValue> inputs)
    {
        using var session = Open(model);
        using var results = session.Run(inputs);
        var outputs = new Dictionary<string, Array>();
        foreach (var result in results)
        {
            outputs[result.Name] = result.Value switch
            {
                Tensor<float> t => t.ToArray(),
                Tensor<long> t => t.ToArray(),
                Tensor<uint> t => t.ToArray(),
                Tensor<bool> t => t.ToArray(),
                Tensor<string> t => t.ToArray(),
                var v => throw new InvalidOperationException($"Unexpected output type {v?.GetType()}"),
            };
        }
        return outputs;
    }

    public static NamedOnnxValue Column(string name, float[] values) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(values, [values.Length, 1]));

    public static NamedOnnxValue Column(string name, string[] values) =>
        NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(values, [values.Length, 1]));

    public static double MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        return max;
    }
}
