using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// One trainable tensor of a layer (its weights or its biases): the values, their gradient from the last
/// backward pass, the L1/L2 regularisation strengths, and the optimizer's per-value state.
/// </summary>
/// <remarks>
/// As in the book, the optimizer's state (momentums, caches) lives beside the values it belongs to, so that
/// saving a network saves the optimizer's progress with it.
/// </remarks>
public sealed class Parameter
{
    internal Parameter(string name, int rows, int columns)
    {
        Name = name;
        Rows = rows;
        Columns = columns;
        Values = new float[checked(rows * columns)];
    }

    /// <summary>A short name, unique within its layer ("weights", "biases").</summary>
    public string Name { get; }

    /// <summary>Rows of the tensor (inputs, for weights; 1 for biases).</summary>
    public int Rows { get; }

    /// <summary>Columns of the tensor (neurons).</summary>
    public int Columns { get; }

    /// <summary>The values, row-major.</summary>
    public float[] Values { get; }

    /// <summary>
    /// The gradient of the loss with respect to <see cref="Values"/> from the last backward pass, regularisation included.
    /// Allocated on first use (the first backward pass), so a network that only predicts carries none.
    /// </summary>
    public float[] Gradients => _gradients ??= new float[Values.Length];

    /// <summary>Whether <see cref="Gradients"/> has been allocated.</summary>
    internal bool HasGradients => _gradients is not null;

    private float[]? _gradients;

    /// <summary>L1 regularisation strength (λ₁ in λ₁·Σ|w|); 0 turns it off.</summary>
    public float L1 { get; internal set; }

    /// <summary>L2 regularisation strength (λ₂ in λ₂·Σw²); 0 turns it off.</summary>
    public float L2 { get; internal set; }

    /// <summary>Optimizer state: SGD's momentums or Adam's first moments; null until an optimizer needs it.</summary>
    public float[]? Momentums { get; internal set; }

    /// <summary>Optimizer state: the squared-gradient cache of AdaGrad, RMSProp and Adam; null until needed.</summary>
    public float[]? Cache { get; internal set; }

    /// <summary>Drops the optimizer state (<see cref="Momentums"/> and <see cref="Cache"/>): a model kept only to score does not need it.</summary>
    public void DropOptimizerState()
    {
        Momentums = null;
        Cache = null;
    }

    internal float[] EnsureMomentums() => Momentums ??= new float[Values.Length];

    internal float[] EnsureCache() => Cache ??= new float[Values.Length];

    /// <summary>The regularisation part of the loss contributed by this parameter: λ₁·Σ|w| + λ₂·Σw².</summary>
    public double RegularizationLoss()
    {
        double loss = 0;
        if (L1 > 0) loss += L1 * (double)System.Numerics.Tensors.TensorPrimitives.SumOfMagnitudes(Values);
        if (L2 > 0) loss += L2 * (double)System.Numerics.Tensors.TensorPrimitives.SumOfSquares(Values);
        return loss;
    }

    /// <summary>Adds the regularisation gradient (λ₁·sign(w), with sign(0) = 1 as in the book, plus 2·λ₂·w) to <see cref="Gradients"/>.</summary>
    internal void AddRegularizationGradient()
    {
        if (L1 > 0) Kernels.AddL1Gradient(Values, L1, Gradients);
        if (L2 > 0) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(Values, 2f * L2, Gradients, Gradients);
    }
}
