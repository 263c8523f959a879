using Microsoft.ML.OnnxRuntime;

namespace NNTrainer.ML.Benchmarks;

/// <summary>
/// ONNX Runtime on the exported network, called directly at its best: one session on one thread, every batch's input
/// and output tensors created once over the caller's arrays (no copy, no allocation in the timed calls).
/// </summary>
public sealed class RawOnnxRuntime : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly List<(OrtValue Input, OrtValue Output)> _batches = [];

    /// <param name="model">The ONNX model, with one float input [batch × features] and one float output [batch × outputs].</param>
    /// <param name="inputs">All rows, row-major.</param>
    /// <param name="outputs">Where the outputs of all rows go.</param>
    public RawOnnxRuntime(byte[] model, float[] inputs, int features, float[] outputs, int outputSize, int batchSize, string inputName, string outputName)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model, options);
        _inputNames = [inputName];
        _outputNames = [outputName];
        int rows = inputs.Length / features;
        for (int start = 0; start < rows; start += batchSize)
        {
            int count = Math.Min(batchSize, rows - start);
            var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs.AsMemory(start * features, count * features), [count, features]);
            var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, outputs.AsMemory(start * outputSize, count * outputSize), [count, outputSize]);
            _batches.Add((input, output));
        }
    }

    /// <summary>Scores every row once, batch after batch.</summary>
    public void ScoreAll()
    {
        foreach (var (input, output) in _batches) _session.Run(_run, _inputNames, [input], _outputNames, [output]);
    }

    public void Dispose()
    {
        foreach (var (input, output) in _batches)
        {
            input.Dispose();
            output.Dispose();
        }
        _run.Dispose();
        _session.Dispose();
    }
}
