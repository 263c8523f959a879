using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>
/// <see cref="ReLUActivation"/>'s forward or backward pass over a large tensor (a convolution's output), split into
/// contiguous blocks for the <see cref="WorkerPool"/>. The passes work value by value, so the split never changes a value.
/// </summary>
internal sealed class ReLUJob : ParallelWork
{
    /// <summary>Values per thread below which a pass runs on the calling thread alone: waking a worker costs more.</summary>
    private const int Grain = 64 * 1024;

    /// <summary>Block boundaries fall on multiples of this many values, so that every block but the last is whole vectors.</summary>
    private const int Alignment = 64;

    [ThreadStatic]
    private static ReLUJob? _current;

    private Matrix? _inputs;
    private Matrix? _dValues;
    private Matrix? _outputs;
    private int _length;

    /// <summary>Threads a pass over <paramref name="length"/> values should use, at most <paramref name="threads"/>.</summary>
    public static int Threads(int length, int threads) => Math.Max(1, Math.Min(threads, length / Grain));

    /// <summary>Runs <see cref="Kernels.ReLUForward"/> (<paramref name="dValues"/> null) or <see cref="Kernels.ReLUBackward"/> on <paramref name="threads"/> threads.</summary>
    /// <param name="inputs">The layer's inputs.</param>
    /// <param name="dValues">The gradient with respect to the outputs, or null for the forward pass.</param>
    /// <param name="outputs">The outputs, or the gradient with respect to the inputs.</param>
    /// <param name="threads">Threads, from <see cref="Threads"/>.</param>
    public static void Run(Matrix inputs, Matrix? dValues, Matrix outputs, int threads)
    {
        var job = _current ??= new ReLUJob();
        (job._inputs, job._dValues, job._outputs, job._length) = (inputs, dValues, outputs, inputs.Rows * inputs.Columns);
        WorkerPool.Shared.Run(job, threads, threads);
        (job._inputs, job._dValues, job._outputs) = (null, null, null);
    }

    /// <inheritdoc />
    public override void Run(int part, int parts)
    {
        int from = Boundary(part, parts), to = Boundary(part + 1, parts);
        var x = _inputs!.Data.AsSpan(from, to - from);
        var result = _outputs!.Data.AsSpan(from, to - from);
        if (_dValues is null) Kernels.ReLUForward(x, result);
        else Kernels.ReLUBackward(x, _dValues.Data.AsSpan(from, to - from), result);
    }

    private int Boundary(int part, int parts) =>
        part == parts ? _length : (int)((long)_length * part / parts / Alignment * Alignment);
}
