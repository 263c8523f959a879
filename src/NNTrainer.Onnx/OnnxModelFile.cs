using Google.Protobuf;
using Onnx;

namespace NNTrainer.Onnx;

/// <summary>The model envelope every export shares, and writing it without ever leaving half a file behind.</summary>
internal static class OnnxModelFile
{
    /// <summary>IR version 8 (ONNX 1.10): recent enough for opsets 13–17, old enough for every current runtime.</summary>
    public const long IrVersion = 8;

    public const int MinimumOpset = 13;
    public const int MaximumOpset = 17;

    public static ModelProto Create(GraphProto graph, int opset, string docString)
    {
        CheckOpset(opset);
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "NNTrainer.Onnx",
            ProducerVersion = typeof(OnnxModelFile).Assembly.GetName().Version?.ToString(3) ?? "0",
            DocString = docString,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    public static void CheckOpset(int opset)
    {
        if (opset < MinimumOpset || opset > MaximumOpset)
        {
            throw new ArgumentOutOfRangeException(nameof(opset), opset, $"The ONNX opset must be from {MinimumOpset} to {MaximumOpset}.");
        }
    }

    public static void Write(ModelProto model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        model.WriteTo(stream);
    }

    /// <summary>Writes a temporary file beside <paramref name="path"/> and renames it over it, so a failed export leaves any earlier file intact.</summary>
    public static void Write(ModelProto model, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                model.WriteTo(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
