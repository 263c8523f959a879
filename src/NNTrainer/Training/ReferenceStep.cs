using System.Runtime.CompilerServices;
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
    private Matrix? _outputGradient;
    private Matrix _outputs = null!;

    /// <summary>Creates the step for a built network's layers, loss and accuracy.</summary>
    public ReferenceStep(Layer[] layers, Loss loss, Accuracy accuracy, int firstTrainable)
    {
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

    /// <summary>Whether the output gradient is the combined one of the last layer and the loss.</summary>
    protected internal CombinedOutput Output { get; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double LossSum, long Correct, long Total) Forward(TrainingBatch batch)
    {
        var current = batch.Inputs;
        foreach (var layer in _layers)
        {
            layer.Forward(current, training: true);
            current = layer.Output;
        }
        _outputs = current;
        return Statistics(current, batch);
    }

    /// <summary>The batch's summed (weighted) loss and its accuracy counts, from the loss and accuracy classes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected virtual (double LossSum, long Correct, long Total) Statistics(Matrix outputs, TrainingBatch batch)
    {
        var weights = batch.Weights;
        double loss = weights.IsEmpty ? Loss.SumSampleLosses(outputs, batch.Targets) : Loss.SumWeightedSampleLosses(outputs, batch.Targets, weights);
        var (correct, total) = Accuracy.CountCorrect(outputs, batch.Targets);
        return (loss, correct, total);
    }

    /// <summary>The gradient with respect to the last layer's outputs (or, combined, its inputs), unweighted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BackwardAndUpdate(TrainingBatch batch, Optimizer? optimizer)
    {
        var gradient = OutputGradient(_outputs, batch);
        var factors = batch.Factors;
        if (!factors.IsEmpty) SampleWeighting.ScaleRows(gradient.AsSpan(), gradient.Columns, factors);
        int from = Output == CombinedOutput.None ? _layers.Length - 1 : _layers.Length - 2;
        for (int i = from; i >= _firstTrainable; i--)
        {
            _layers[i].Backward(gradient);
            if (optimizer is not null)
            {
                foreach (var parameter in _layerParameters[i]) optimizer.Update(parameter);
            }
            if (i > _firstTrainable) gradient = _layers[i].DInputs;
        }
    }
}
