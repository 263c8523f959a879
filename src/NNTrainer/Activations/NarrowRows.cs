using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>
/// Keeps a sample's output independent of the batch it is scored in, for element-wise kernels of
/// System.Numerics.Tensors (sigmoid, tanh). Those take a scalar path for spans shorter than one 128-bit vector and a
/// vector path otherwise, and the two can differ in the last bit; a batch of narrow rows is one long span, while a
/// single sample is a short one. Applying the kernel row by row to narrow rows gives every row the path it would
/// get on its own, so a batch scores exactly as its rows do one at a time.
/// </summary>
internal static class NarrowRows
{
    /// <summary>Rows narrower than this are applied one at a time.</summary>
    public static readonly int NarrowBelow = Vector128<float>.Count;

    /// <summary>An element-wise kernel over a span.</summary>
    public delegate void ElementWise(ReadOnlySpan<float> inputs, Span<float> outputs);

    /// <summary>
    /// Applies <paramref name="kernel"/> to <paramref name="inputs"/> (same shape as <paramref name="outputs"/>): row by
    /// row when the rows are narrow, as one span otherwise.
    /// </summary>
    public static void ApplyElementWise(Matrix inputs, Matrix outputs, ElementWise kernel)
    {
        if (inputs.Columns < NarrowBelow) Apply(inputs, outputs, kernel);
        else kernel(inputs.AsSpan(), outputs.AsSpan());
    }

    /// <summary>Applies <paramref name="kernel"/> to each row of <paramref name="inputs"/> on its own (same shape as <paramref name="outputs"/>).</summary>
    public static void Apply(Matrix inputs, Matrix outputs, ElementWise kernel)
    {
        for (int r = 0; r < inputs.Rows; r++) kernel(inputs.Row(r), outputs.Row(r));
    }
}
