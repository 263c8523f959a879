using NNTrainer.Activations;
using NNTrainer.Layers;
using NNTrainer.Optimizers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// The training step of the commonest network, dense layers with ReLU between them and a softmax output trained with
/// categorical cross-entropy, with each ReLU fused into the GEMMs around it: the forward product applies it before
/// storing (<c>relu(X·W + b)</c>), and the next layer's input-gradient product masks by its output
/// (<c>(dY·Wᵀ) ⊙ [A &gt; 0]</c>), so a hidden activation is written once and read back only by the products that need it.
/// The bias gradients are kept by the weight-gradient products. A classifier of up to 31 classes computes its
/// output layer with the batch transposed (<see cref="TransposedDense"/>), samples along the vector lanes; with a
/// handful of inputs too and one hidden layer (the book's 2-64-3 spiral network, Shuttle's 9-100-7), the whole step runs in
/// <see cref="SmallInputClassifierKernel"/> or <see cref="NarrowClassifierKernel"/>, which never store the hidden layer.
/// </summary>
/// <remarks>
/// <para>
/// Every value is computed by the same operations in the same order as the layer-by-layer path (see
/// <see cref="TileEpilogue"/>, <see cref="TransposedDense"/> and <see cref="TransposedSoftmaxCrossEntropyKernel"/>), so
/// training gives bit-identical weights, losses and accuracies either way; the tests hold the two paths to that.
/// </para>
/// <para>
/// The step works in buffers of its own: the layers' <see cref="Layer.Output"/> and <see cref="Layer.DInputs"/> keep what
/// their own last <see cref="Layer.Forward"/> and <see cref="Layer.Backward"/> calls produced, and a layer used on its
/// own behaves exactly as before.
/// </para>
/// </remarks>
internal sealed partial class FusedClassifierStep : ITrainingStep
{
    /// <summary>
    /// Up to this many inputs, the layer feeding a transposed output layer is computed a second time, transposed, rather
    /// than its output transposed: with so few inputs per sample the product costs less than the transposition.
    /// </summary>
    internal const int RecomputeTransposedUpTo = 8;

    /// <summary>Up to this many classes the output layer runs transposed, its softmax summing along the lanes; from 32
    /// on, <see cref="Kernels.Softmax"/>'s rows use TensorPrimitives, which that path does not match bit for bit.</summary>
    internal const int TransposedHeadUpTo = 31;

    private readonly DenseLayer[] _dense;
    private readonly Matrix?[] _activations;
    private readonly Matrix?[] _gradients;
    private Matrix? _logits;
    private Matrix? _probabilities;
    private Matrix? _headGradient;
    private float[] _headInputsT = [];
    private float[] _belowInputsT = [];
    private float[] _logitsT = [];
    private float[] _gradientT = [];
    private bool _transposedHead;
    private int _ld, _rows;

    private FusedClassifierStep(DenseLayer[] dense)
    {
        _dense = dense;
        _activations = new Matrix?[dense.Length - 1];
        _gradients = new Matrix?[dense.Length - 1];
    }

    /// <summary>The step for these layers, or null when they are not Dense (ReLU Dense)* Softmax.</summary>
    public static FusedClassifierStep? TryCreate(IReadOnlyList<Layer> layers)
    {
        if (layers.Count < 2 || layers.Count % 2 != 0 || layers[^1] is not SoftmaxActivation) return null;
        var dense = new DenseLayer[layers.Count / 2];
        for (int i = 0; i < dense.Length; i++)
        {
            if (layers[2 * i] is not DenseLayer d) return null;
            if (i < dense.Length - 1 && layers[2 * i + 1] is not ReLUActivation) return null;
            dense[i] = d;
        }
        return new FusedClassifierStep(dense);
    }

    private DenseLayer Head => _dense[^1];

    /// <summary>
    /// The forward pass and the classifier's statistics: the summed sample losses and the number of correct predictions
    /// (the loss and accuracy classes' figures), leaving the output gradient for <see cref="BackwardAndUpdate"/>.
    /// With sample weights (<see cref="SampleWeighting"/>) the loss is <c>Σ wᵢ·lᵢ</c> and the output gradient's samples are
    /// scaled by <paramref name="factors"/>; both spans are empty without weights.
    /// </summary>
    public (double LossSum, long Correct) Forward(Matrix inputs, Matrix targets, int threads, ReadOnlySpan<float> weights = default, ReadOnlySpan<float> factors = default)
    {
        int rows = inputs.Rows;
        if (targets.Rows != rows) throw new ArgumentException($"{rows} outputs but {targets.Rows} targets.", nameof(targets));
        _rows = rows;
        _smallInput = _smallInputEnabled && targets.Columns == 1;
        var result = _smallInput ? SmallInputForward(inputs, targets, weights) : GeneralForward(inputs, targets, threads, weights);
        if (!factors.IsEmpty)
        {
            if (_smallInput || _transposedHead) SampleWeighting.ScaleColumns(_gradientT, _ld, Head.Neurons, factors);
            else SampleWeighting.ScaleRows(_headGradient!.AsSpan(), Head.Neurons, factors);
        }
        return result;
    }

    /// <summary>The forward pass of any Dense (ReLU Dense)* Softmax stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (double LossSum, long Correct) GeneralForward(Matrix inputs, Matrix targets, int threads, ReadOnlySpan<float> weights)
    {
        int rows = inputs.Rows;
        var current = inputs;
        for (int l = 0; l < _dense.Length - 1; l++)
        {
            var d = _dense[l];
            var a = Prepare(ref _activations[l], rows, d.Neurons);
            GemmKernels.MultiplyNN(current.Data, d.Weights.Values, a.Data, rows, d.InputSize, d.Neurons, accumulate: false, threads, d.Biases.Values, relu: true);
            current = a;
        }
        var head = Head;
        int n = head.Neurons;
        _transposedHead = n <= TransposedHeadUpTo && targets.Columns == 1;
        if (_transposedHead)
        {
            int ld = _ld = TransposedDense.LeadingDimension(rows);
            var headInputsT = Grow(ref _headInputsT, (long)head.InputSize * ld);
            TransposeHeadInputs(inputs, current, rows, ld, headInputsT, threads);
            var logitsT = Grow(ref _logitsT, (long)n * ld);
            var gradientT = Grow(ref _gradientT, (long)n * ld);
            TransposedDense.Forward(headInputsT, ld, head.InputSize, head.Weights.Values, head.Biases.Values, n, logitsT, relu: false, threads);
            return TransposedSoftmaxCrossEntropyKernel.Step(logitsT, ld, n, rows, targets.Data, gradientT, weights);
        }
        var logits = Prepare(ref _logits, rows, n);
        var probabilities = Prepare(ref _probabilities, rows, n);
        var gradient = Prepare(ref _headGradient, rows, n);
        GemmKernels.MultiplyNN(current.Data, head.Weights.Values, logits.Data, rows, head.InputSize, n, accumulate: false, threads, head.Biases.Values);
        Kernels.Softmax(logits.AsSpan(), probabilities.AsSpan(), rows, n);
        return SoftmaxCrossEntropyKernel.Step(probabilities, targets, gradient, weights);
    }

    /// <inheritdoc />
    public string Name => _smallInputEnabled ? TrainingStepNames.SmallInputClassifier : TrainingStepNames.FusedClassifier;

    /// <inheritdoc />
    (double LossSum, long Correct, long Total) ITrainingStep.Forward(TrainingBatch batch)
    {
        var (loss, correct) = Forward(batch.Inputs, batch.KernelTargets, batch.Threads, batch.Weights, batch.Factors);
        return (loss, correct, batch.Count);
    }

    /// <inheritdoc />
    void ITrainingStep.BackwardAndUpdate(TrainingBatch batch, Optimizer? optimizer) => BackwardAndUpdate(batch.Inputs, optimizer, batch.Threads);

    /// <summary>
    /// The output layer's inputs, transposed: either by transposing them or, when the layer below has few inputs, by
    /// computing that layer once more from its own (transposed) inputs.
    /// </summary>
    private void TransposeHeadInputs(Matrix inputs, Matrix headInputs, int rows, int ld, Span<float> headInputsT, int threads)
    {
        if (_dense.Length >= 2)
        {
            var below = _dense[^2];
            if (below.InputSize <= RecomputeTransposedUpTo)
            {
                var belowInputs = _dense.Length >= 3 ? _activations[^2]! : inputs;
                var belowInputsT = Grow(ref _belowInputsT, (long)below.InputSize * ld);
                TransposedDense.Transpose(belowInputs.Data, rows, below.InputSize, belowInputsT, ld);
                TransposedDense.Forward(belowInputsT, ld, below.InputSize, below.Weights.Values, below.Biases.Values, below.Neurons, headInputsT, relu: true, threads);
                return;
            }
        }
        TransposedDense.Transpose(headInputs.Data, rows, headInputs.Columns, headInputsT, ld);
    }

    /// <summary>
    /// Back-propagates from the output gradient <see cref="Forward"/> left and updates each layer's parameters as soon as
    /// its gradients are known (as <see cref="TrainingLoop"/>'s layer-by-layer path does); with a null
    /// <paramref name="optimizer"/> only the gradients are computed.
    /// </summary>
    public void BackwardAndUpdate(Matrix inputs, Optimizer? optimizer, int threads)
    {
        if (_smallInput) SmallInputBackwardAndUpdate(inputs, optimizer);
        else GeneralBackwardAndUpdate(inputs, optimizer, threads);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GeneralBackwardAndUpdate(Matrix inputs, Optimizer? optimizer, int threads)
    {
        int rows = _rows;
        int last = _dense.Length - 1;
        var head = Head;
        int n = head.Neurons;
        var headInputs = last > 0 ? _activations[last - 1]! : inputs;
        if (_transposedHead)
        {
            TransposedDense.WeightGradient(_gradientT, _ld, rows, headInputs.Data, head.InputSize, n, head.Weights.Gradients, head.Biases.Gradients, threads);
        }
        else
        {
            GemmKernels.MultiplyTN(headInputs.Data, _headGradient!.Data, head.Weights.Gradients, head.InputSize, rows, n, accumulate: false, threads,
                bColumnSums: head.Biases.Gradients);
        }
        AddRegularization(head);
        if (last > 0)
        {
            var below = Prepare(ref _gradients[last - 1], rows, head.InputSize);
            if (_transposedHead)
            {
                TransposedDense.InputGradient(_gradientT, _ld, rows, head.Weights.Values, head.InputSize, n, below.Data, headInputs.Data, threads);
            }
            else
            {
                GemmKernels.MultiplyNT(_headGradient!.Data, head.Weights.Values, below.Data, rows, n, head.InputSize, accumulate: false, threads,
                    reluMask: headInputs.Data);
            }
        }
        Update(head, optimizer);
        for (int l = last - 1; l >= 0; l--)
        {
            var d = _dense[l];
            var gradient = _gradients[l]!;
            var layerInputs = l > 0 ? _activations[l - 1]! : inputs;
            GemmKernels.MultiplyTN(layerInputs.Data, gradient.Data, d.Weights.Gradients, d.InputSize, rows, d.Neurons, accumulate: false, threads,
                bColumnSums: d.Biases.Gradients);
            AddRegularization(d);
            if (l > 0)
            {
                var below = Prepare(ref _gradients[l - 1], rows, d.InputSize);
                GemmKernels.MultiplyNT(gradient.Data, d.Weights.Values, below.Data, rows, d.Neurons, d.InputSize, accumulate: false, threads,
                    reluMask: layerInputs.Data);
            }
            Update(d, optimizer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRegularization(DenseLayer layer)
    {
        var (w, b) = (layer.Weights, layer.Biases);
        if (w.L1 > 0 || w.L2 > 0) w.AddRegularizationGradient();
        if (b.L1 > 0 || b.L2 > 0) b.AddRegularizationGradient();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(DenseLayer layer, Optimizer? optimizer)
    {
        // Null when gradient clipping needs every gradient before the first update (it updates them all itself).
        if (optimizer is null) return;
        optimizer.Update(layer.Weights);
        optimizer.Update(layer.Biases);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Matrix Prepare(ref Matrix? buffer, int rows, int columns)
    {
        if (buffer is null || buffer.RowCapacity < rows) buffer = new Matrix(rows, columns);
        else buffer.Resize(rows);
        return buffer;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<float> Grow(ref float[] buffer, long length)
    {
        if (buffer.Length < length) buffer = new float[checked((int)length)];
        return buffer.AsSpan(0, (int)length);
    }
}
