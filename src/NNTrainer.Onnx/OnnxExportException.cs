namespace NNTrainer.Onnx;

/// <summary>
/// A model cannot be exported to ONNX: it has no NNTrainer network, a step before or after the network that ML.NET's
/// ONNX exporter cannot convert, or a layer with no ONNX equivalent. The message says which.
/// </summary>
public sealed class OnnxExportException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What cannot be exported, and why.</param>
    public OnnxExportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that revealed the problem.</summary>
    /// <param name="message">What cannot be exported, and why.</param>
    /// <param name="innerException">The underlying error.</param>
    public OnnxExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
