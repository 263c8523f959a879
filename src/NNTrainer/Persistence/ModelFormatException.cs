namespace NNTrainer.Persistence;

/// <summary>
/// A model file or stream cannot be loaded: it is truncated, corrupted (checksum mismatch), written by a newer
/// format version, not a model at all, or describes an impossible network. The message says which and where.
/// </summary>
public sealed class ModelFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the model data.</param>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that revealed the problem.</summary>
    /// <param name="message">What is wrong with the model data.</param>
    /// <param name="innerException">The underlying error.</param>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
