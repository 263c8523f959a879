using NNTrainer.Activations;
using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Optimizers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// The book's training step (<see cref="TrainingStepNames.Reference"/>): <see cref="Layer.Forward"/> through each layer,
/// the loss and accuracy classes, the loss's backward pass — the combined softmax/cross-entropy or sigmoid/binary
/// cross-entropy gradient where the output layer and loss allow it, as the book's <c>Activation_Softmax_Loss_CategoricalCrossentropy</c>
/// — then <see cref="Layer.Backward"/> through each layer with the optimizer's update.
/// </summary>
/// <remarks>
/// Each layer's parameters are updated as soon as its backward pass is done, while their gradients are still in cache.
/// The result is the book's (backward everything, then update everything): a layer's update touches only its own
/// parameters, which no layer below reads during its backward pass.
/// </remarks>
internal class ReferenceStep : ITrainingStep
{
    private readonly Layer[] _layers;
    private readonly Parameter[][] _layerParameters;
    private readonly int _firstTrainable;
    private readonly bool[]? _rectifiedPools;
    private Matrix? _outputGradient;
    private Matrix _outputs = null!;

    /// <summary>Creates the step for a built network's layers, loss and accuracy.</summary>
    /// <param name="layers">The network's layers.</param>
    /// <param name="loss">The loss.</param>
    /// <param name="accuracy">The accuracy.</param>
    /// <param name="firstTrainable">The lowest layer whose parameters train: the backward pass stops there.</param>
    /// <param name="rectifiedPools">
    /// For each layer, whether it is a max pool run together with the ReLU before it (<see cref="RectifiedPooling"/>); null
    /// for none, as the reference step itself runs.
    /// </param>
    public ReferenceStep(Layer[] layers, Loss loss, Accuracy accuracy, int firstTrainable, bool[]? rectifiedPools = null)
    {
        _rectifiedPools = rectifiedPools;
        _layers = layers;
        _layerParameters = new Parameter[layers.Length][];
        for (int i = 0; i < layers.Length; i++) _layerParameters[i] = [.. layers[i].Parameters];
        Loss = loss;
        Accuracy = accuracy;
        _firstTrainable = firstTrainable;
        Output = (layers[^1], loss) switch
        {
            (SoftmaxActivation, CategoricalCrossEntropyLoss) => CombinedOutput.SoftmaxCrossEntropy,
            (SigmoidActivation, BinaryCrossEntropyLoss) => CombinedOutput.SigmoidBinaryCrossEntropy,
            _ => CombinedOutput.None,
        };
    }

    /// <summary>The output layer and loss whose gradient the book computes in one (<see cref="CombinedOutput.None"/>: the loss's own).</summary>
    protected internal enum CombinedOutput
    {
        None,
        SoftmaxCrossEntropy,
        SigmoidBinaryCrossEntropy,
    }

    /// <inheritdoc />
    public virtual string Name => TrainingStepNames.Reference;

    /// <summary>The loss.</summary>
    protected Loss Loss { get; }

    /// <summary>The accuracy.</summary>
    protected Accuracy Accuracy { get; }

    /// <summary>Whether some ReLU → max-pool pairs run as one (<see cref="RectifiedPooling"/>).</summary>
    protected bool PoolsRectified => _rectifiedPools is not null;

    /// <summary>Whether the output gradient is the combined one of the last layer and the loss.</summary>
    protected internal CombinedOutput Output { get; }

    /// <inheritdoc />
    public virtual (double LossSum, long Correct, long Total) Forward(TrainingBatch batch) => Statistics(ForwardLayers(batch.Inputs, 0), batch);

    /// <summary>Runs the layers from <paramref name="first"/> on <paramref name="input"/>; keeps and returns the network's outputs.</summary>
    protected Matrix ForwardLayers(Matrix input, int first)
    {
        var current = input;
        var layers = _layers;
        var pools = _rectifiedPools;
        for (int i = first; i < layers.Length; i++)
        {
            if (pools is not null && i + 1 < layers.Length && pools[i + 1])
            {
                // The ReLU at i is applied by the pool as it loads its inputs.
                i++;
                ((MaxPool2DLayer)layers[i]).ForwardRectified(current);
            }
            else
            {
                layers[i].Forward(current, training: true);
            }
            current = layers[i].Output;
        }
        _outputs = current;
        return current;
    }

    /// <summary>The batch's summed (weighted) loss and its accuracy counts, from the loss and accuracy classes.</summary>
    protected virtual (double LossSum, long Correct, long Total) Statistics(Matrix outputs, TrainingBatch batch)
    {
        var weights = batch.Weights;
        double loss = weights.IsEmpty ? Loss.SumSampleLosses(outputs, batch.Targets) : Loss.SumWeightedSampleLosses(outputs, batch.Targets, weights);
        var (correct, total) = Accuracy.CountCorrect(outputs, batch.Targets);
        return (loss, correct, total);
    }

    /// <summary>The gradient with respect to the last layer's outputs (or, combined, its inputs), unweighted.</summary>
    protected virtual Matrix OutputGradient(Matrix outputs, TrainingBatch batch)
    {
        if (Output == CombinedOutput.None)
        {
            Loss.Backward(outputs, batch.Targets);
            return Loss.DInputs;
        }
        var gradient = GradientBuffer(outputs);
        // The combined gradients take the smoothed targets; the loss classes smooth the targets they are given themselves.
        if (Output == CombinedOutput.SoftmaxCrossEntropy) SoftmaxCategoricalCrossEntropy.Backward(outputs, batch.KernelTargets, gradient);
        else SigmoidBinaryCrossEntropy.Backward(outputs, batch.KernelTargets, gradient);
        return gradient;
    }

    /// <summary>The buffer of the combined output gradient, grown to the batch.</summary>
    protected Matrix GradientBuffer(Matrix outputs)
    {
        if (_outputGradient is null || _outputGradient.RowCapacity < outputs.Rows) _outputGradient = new Matrix(outputs.Rows, outputs.Columns);
        return _outputGradient;
    }

    /// <inheritdoc />
    public virtual void BackwardAndUpdate(TrainingBatch batch, Optimizer? optimizer) => BackwardLayers(batch, optimizer, _firstTrainable, passDown: false);

    /// <summary>
    /// The output gradient, then each layer's backward pass and update from the top down to <paramref name="lowest"/>;
    /// returns the gradient with respect to layer <paramref name="lowest"/>'s inputs when <paramref name="passDown"/> (a
    /// step that runs the layers below itself), else the last one computed.
    /// </summary>
    protected Matrix BackwardLayers(TrainingBatch batch, Optimizer? optimizer, int lowest, bool passDown)
    {
        var gradient = OutputGradient(_outputs, batch);
        var factors = batch.Factors;
        if (!factors.IsEmpty) SampleWeighting.ScaleRows(gradient.AsSpan(), gradient.Columns, factors);
        int from = Output == CombinedOutput.None ? _layers.Length - 1 : _layers.Length - 2;
        var pools = _rectifiedPools;
        for (int i = from; i >= lowest; i--)
        {
            if (pools is not null && pools[i])
            {
                // The pool's gradient is already the one with respect to the ReLU's inputs; neither layer has parameters,
                // and RectifiedPooling.Pools keeps a trainable layer below the pair.
                ((MaxPool2DLayer)_layers[i]).BackwardRectified(gradient);
                gradient = _layers[i].DInputs;
                i--;
                continue;
            }
            _layers[i].Backward(gradient);
            if (optimizer is not null)
            {
                foreach (var parameter in _layerParameters[i]) optimizer.Update(parameter);
            }
            if (i > lowest || passDown) gradient = _layers[i].DInputs;
        }
        return gradient;
    }
}
