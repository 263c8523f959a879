using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// The batch a <see cref="ITrainingStep"/> works on, filled by a <see cref="BatchFeed"/>: one object reused for every
/// batch of a training, so a step allocates nothing.
/// </summary>
public sealed class TrainingBatch
{
    /// <summary>The batch's inputs, [Count × inputs] (a buffer of the feed's, or the caller's matrix for a full batch).</summary>
    public Matrix Inputs { get; set; } = null!;

    /// <summary>The batch's targets, as the loss takes them.</summary>
    public Matrix Targets { get; set; } = null!;

    /// <summary>The batch's inputs as sparse rows when a <see cref="SparseBatchFeed"/> fills it (then <see cref="Inputs"/> is unused), else null.</summary>
    internal SparseBatch? SparseInputs { get; set; }

    /// <summary>The targets the fused kernels take: <see cref="Targets"/>, or their label-smoothed copy.</summary>
    internal Matrix KernelTargets { get; set; } = null!;

    /// <summary>Samples in the batch.</summary>
    public int Count { get; set; }

    /// <summary>Threads the kernels may use.</summary>
    internal int Threads { get; set; } = 1;

    /// <summary>The samples' weights (first <see cref="Count"/> values), or null without sample weights.</summary>
    public float[]? WeightBuffer { get; set; }

    /// <summary>Each sample's gradient factor <c>wᵢ·n / Σ wᵢ</c> (<see cref="SampleWeighting"/>), filled by the loop.</summary>
    internal float[] FactorBuffer { get; set; } = [];

    /// <summary>The samples' weights, empty without sample weights.</summary>
    internal ReadOnlySpan<float> Weights => WeightBuffer is null ? default : WeightBuffer.AsSpan(0, Count);

    /// <summary>The samples' gradient factors, empty without sample weights.</summary>
    internal ReadOnlySpan<float> Factors => WeightBuffer is null ? default : FactorBuffer.AsSpan(0, Count);
}
