using NNTrainer.Optimizers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// The step of a 2-layer network of few inputs and classes, run by one kernel: <see cref="SmallInputClassifierKernel"/>
/// up to 4 inputs and 6 classes, which never stores the hidden layer, and <see cref="NarrowClassifierKernel"/> up to 16
/// inputs and 31 classes, which keeps it from the forward pass for the backward one (<c>_hiddenRows</c>).
/// </summary>
internal sealed partial class FusedClassifierStep
{
    private bool _smallInputEnabled;
    private bool _smallInput;
    private bool _narrow; // up to 16 inputs and 31 classes: NarrowClassifierKernel instead of SmallInputClassifierKernel
    private float[] _hiddenRows = []; // NarrowClassifierKernel's hidden layer, from its forward pass to its backward pass

    /// <summary>Whether a 2-layer network of few inputs and classes trains through one of the two kernels: when <paramref name="allow"/>
    /// (tests turn it off), the targets are class indices and the machine runs it (<paramref name="supported"/> and IsSupported: tests can force the fallback, never the kernel). Decides <see cref="Name"/>.</summary>
    public void Configure(int targetColumns, bool allow, bool supported)
    {
        bool eligible = allow && supported && SmallInputClassifierKernel.IsSupported && targetColumns == 1 && _dense.Length == 2;
        _narrow = eligible && !SmallInputClassifierKernel.FitsShape(_dense[0].InputSize, Head.Neurons)
            && NarrowClassifierKernel.FitsShape(_dense[0].InputSize, Head.Neurons);
        _smallInputEnabled = _narrow || (eligible && SmallInputClassifierKernel.FitsShape(_dense[0].InputSize, Head.Neurons));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private (double LossSum, long Correct) SmallInputForward(Matrix inputs, Matrix targets, ReadOnlySpan<float> weights)
    {
        var hidden = _dense[0];
        var head = Head;
        int rows = inputs.Rows;
        int ld = _ld = _narrow ? NarrowClassifierKernel.LeadingDimension(rows) : SmallInputClassifierKernel.LeadingDimension(rows);
        int n = head.Neurons;
        var inputsT = Grow(ref _belowInputsT, (long)hidden.InputSize * ld);
        var logitsT = Grow(ref _logitsT, (long)n * ld);
        var gradientT = Grow(ref _gradientT, (long)n * ld);
        if (_narrow)
        {
            int padded = NarrowClassifierKernel.PaddedHidden(hidden.Neurons);
            NarrowClassifierKernel.Forward(inputs.Data, rows, hidden.InputSize, hidden.Weights.Values, hidden.Biases.Values, hidden.Neurons,
                head.Weights.Values, head.Biases.Values, n, inputsT, logitsT, ld, Grow(ref _headInputsT, (long)padded * ld), Grow(ref _hiddenRows, (long)ld * padded));
        }
        else
        {
            SmallInputClassifierKernel.Forward(inputs.Data, rows, hidden.InputSize, hidden.Weights.Values, hidden.Biases.Values, hidden.Neurons,
                head.Weights.Values, head.Biases.Values, n, inputsT, logitsT, ld);
        }
        return TransposedSoftmaxCrossEntropyKernel.Step(logitsT, ld, n, rows, targets.Data, gradientT, weights);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SmallInputBackwardAndUpdate(Matrix inputs, Optimizer? optimizer)
    {
        var hidden = _dense[0];
        var head = Head;
        if (_narrow)
        {
            NarrowClassifierKernel.Backward(inputs.Data, _rows, hidden.InputSize, hidden.Neurons, head.Weights.Values, head.Neurons, _gradientT, _ld,
                _hiddenRows, hidden.Weights.Gradients, hidden.Biases.Gradients, head.Weights.Gradients, head.Biases.Gradients);
        }
        else
        {
            SmallInputClassifierKernel.Backward(inputs.Data, _rows, hidden.InputSize, hidden.Weights.Values, hidden.Biases.Values, hidden.Neurons,
                head.Weights.Values, head.Neurons, _gradientT, _ld, hidden.Weights.Gradients, hidden.Biases.Gradients, head.Weights.Gradients, head.Biases.Gradients);
        }
        AddRegularization(head);
        Update(head, optimizer);
        AddRegularization(hidden);
        Update(hidden, optimizer);
    }
}
