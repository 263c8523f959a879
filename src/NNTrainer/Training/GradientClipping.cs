using System.Numerics.Tensors;
using NNTrainer.Layers;
using NNTrainer.Optimizers;

namespace NNTrainer.Training;

/// <summary>
/// Clipping by global norm (<see cref="FitOptions.GradientClipNorm"/>), as PyTorch's <c>clip_grad_norm_</c>: the total
/// norm is the Euclidean norm of the parameters' gradient norms; when <c>maxNorm / (total + 10⁻⁶)</c> is below 1, every
/// gradient is multiplied by it. Then every parameter is updated; the backward passes leave the updates to this class
/// because the norm needs every gradient first.
/// </summary>
internal sealed class GradientClipping
{
    private readonly Parameter[] _parameters;
    private readonly float _maxNorm;

    public GradientClipping(Parameter[] parameters, float maxNorm)
    {
        _parameters = parameters;
        _maxNorm = maxNorm;
    }

    /// <summary>The global gradient norm of the last step, before clipping.</summary>
    public double LastNorm { get; private set; }

    /// <summary>Clips the gradients the backward pass left and updates every parameter with <paramref name="optimizer"/>.</summary>
    public void ClipAndUpdate(Optimizer optimizer)
    {
        var parameters = _parameters;
        double squares = 0;
        foreach (var parameter in parameters)
        {
            // One norm per parameter, in float as PyTorch takes them, combined in double.
            double norm = TensorPrimitives.Norm(parameter.Gradients);
            squares += norm * norm;
        }
        double total = Math.Sqrt(squares);
        LastNorm = total;
        double coefficient = _maxNorm / (total + 1e-6);
        if (coefficient < 1)
        {
            float scale = (float)coefficient;
            foreach (var parameter in parameters) TensorPrimitives.Multiply(parameter.Gradients, scale, parameter.Gradients);
        }
        foreach (var parameter in parameters) optimizer.Update(parameter);
    }
}
