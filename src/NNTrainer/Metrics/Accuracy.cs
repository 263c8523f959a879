using NNTrainer.Tensors;

namespace NNTrainer.Metrics;

/// <summary>
/// How often a network's predictions are right: the book's <c>Accuracy</c> classes. Counts are returned
/// rather than a ratio so that batches can be accumulated over an epoch exactly.
/// </summary>
public abstract class Accuracy
{
    /// <summary>Prepares the metric from the training targets (the regression accuracy derives its tolerance from them).</summary>
    /// <param name="targets">All training targets.</param>
    /// <param name="reinitialize">Recompute even when already prepared.</param>
    public virtual void Initialize(Matrix targets, bool reinitialize = false)
    {
    }

    /// <summary>Counts the correct predictions in a batch.</summary>
    /// <param name="outputs">The network's outputs, [samples × outputs].</param>
    /// <param name="targets">The targets.</param>
    /// <returns>The number of correct predictions and the number of predictions compared.</returns>
    public abstract (long Correct, long Total) CountCorrect(Matrix outputs, Matrix targets);

    /// <summary>The fraction of correct predictions in a batch.</summary>
    /// <param name="outputs">The network's outputs.</param>
    /// <param name="targets">The targets.</param>
    public double Calculate(Matrix outputs, Matrix targets)
    {
        var (correct, total) = CountCorrect(outputs, targets);
        return total == 0 ? 0 : (double)correct / total;
    }
}
