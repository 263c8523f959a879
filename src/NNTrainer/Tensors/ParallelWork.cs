namespace NNTrainer.Tensors;

/// <summary>
/// Work split into a fixed number of parts that <see cref="WorkerPool"/> runs at once, one per thread. A class
/// with fields rather than a delegate, so that dispatching allocates nothing.
/// </summary>
internal abstract class ParallelWork
{
    /// <summary>Runs part <paramref name="part"/> of <paramref name="parts"/>; parts must not depend on which thread runs them.</summary>
    public abstract void Run(int part, int parts);
}
