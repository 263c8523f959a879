using NNTrainer.Tensors;

namespace NNTrainer.Metrics;

/// <summary>The argument check of the metrics that compare each output value with the target value in its place.</summary>
internal static class TargetShape
{
    /// <summary>
    /// Throws unless both matrices are given and have the same shape; the exceptions name <c>outputs</c> and
    /// <c>targets</c>, the parameters of the public methods that call this.
    /// </summary>
    public static void RequireSame(Matrix outputs, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Rows != outputs.Rows || targets.Columns != outputs.Columns)
        {
            throw new ArgumentException($"Targets are {targets.Rows}x{targets.Columns}; outputs are {outputs.Rows}x{outputs.Columns}.", nameof(targets));
        }
    }
}
