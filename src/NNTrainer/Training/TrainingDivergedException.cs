using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// Thrown by <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> when the loss becomes NaN or infinite. The network holds the best
/// weights seen before divergence (or its starting weights), so nothing already learnt is lost.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What diverged, where, and what was kept.</param>
    /// <param name="history">The epochs completed before divergence.</param>
    public TrainingDivergedException(string message, TrainingHistory history)
        : base(message)
    {
        History = history;
    }

    /// <summary>The epochs completed before divergence.</summary>
    public TrainingHistory History { get; }
}
