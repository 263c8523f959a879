using System.Numerics.Tensors;

namespace NNTrainer.Tensors;

/// <summary>
/// The two products of a dense layer whose inputs are sparse rows (CSR): the forward <c>X·W + b</c> and the weight
/// gradient <c>Xᵀ·dY</c>, each costing stored values × neurons instead of rows × inputs × neurons. Every output row is
/// a sum of whole rows of W (or of dY), so the inner loop is a SIMD multiply-add over the neurons.
/// </summary>
/// <remarks>
/// Single-threaded on purpose: a batch of 32 text rows is a few hundred thousand multiply-adds, less than a thread
/// hand-off costs; and a result that never depends on the thread count needs no argument.
/// </remarks>
internal static class SparseProducts
{
    /// <summary><c>output[r] = bias + Σₖ values[k] · weights[columns[k]]</c> for each of the <paramref name="rows"/> rows.</summary>
    /// <param name="starts">Row starts into <paramref name="columns"/> and <paramref name="values"/> (rows + 1 of them).</param>
    /// <param name="columns">Column index of each stored value.</param>
    /// <param name="values">Stored values.</param>
    /// <param name="rows">Rows to compute.</param>
    /// <param name="weights">[inputs × neurons], row-major.</param>
    /// <param name="bias">[neurons].</param>
    /// <param name="output">[rows × neurons], overwritten.</param>
    public static void Forward(ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, int rows,
        ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output)
    {
        int neurons = bias.Length;
        for (int r = 0; r < rows; r++)
        {
            var row = output.Slice(r * neurons, neurons);
            bias.CopyTo(row);
            for (int k = starts[r]; k < starts[r + 1]; k++)
            {
                TensorPrimitives.MultiplyAdd(weights.Slice(columns[k] * neurons, neurons), values[k], row, row);
            }
        }
    }

    /// <summary>
    /// The weight gradient <c>Xᵀ·dY</c> on the rows of W that the batch touches: each touched input row of
    /// <paramref name="gradients"/> is overwritten with its sum (rows of the batch in order), and its index is listed in
    /// <paramref name="touched"/> in order of first occurrence. Rows not listed are left as they were.
    /// </summary>
    /// <param name="starts">Row starts of the batch (rows + 1 of them).</param>
    /// <param name="columns">Column index of each stored value.</param>
    /// <param name="values">Stored values.</param>
    /// <param name="rows">Rows of the batch.</param>
    /// <param name="dValues">The gradient with respect to the layer's outputs, [rows × neurons].</param>
    /// <param name="neurons">Neurons of the layer.</param>
    /// <param name="gradients">[inputs × neurons].</param>
    /// <param name="marks">One stamp per input row; a row is touched in this call when its mark equals <paramref name="stamp"/>.</param>
    /// <param name="stamp">A value no mark holds yet (the caller counts calls), so marks never need clearing.</param>
    /// <param name="touched">Receives the touched input rows; room for every stored value of the batch.</param>
    /// <returns>The number of touched rows.</returns>
    public static int WeightGradient(ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, int rows,
        ReadOnlySpan<float> dValues, int neurons, Span<float> gradients, Span<int> marks, int stamp, Span<int> touched)
    {
        int count = 0;
        for (int r = 0; r < rows; r++)
        {
            var d = dValues.Slice(r * neurons, neurons);
            for (int k = starts[r]; k < starts[r + 1]; k++)
            {
                int c = columns[k];
                var g = gradients.Slice(c * neurons, neurons);
                if (marks[c] != stamp)
                {
                    marks[c] = stamp;
                    touched[count++] = c;
                    TensorPrimitives.Multiply(d, values[k], g);
                }
                else
                {
                    TensorPrimitives.MultiplyAdd(d, values[k], g, g);
                }
            }
        }
        return count;
    }

    /// <summary>The column sums of <paramref name="dValues"/> ([rows × neurons]) into <paramref name="sums"/>, rows in order.</summary>
    /// <param name="dValues">The gradient with respect to the layer's outputs.</param>
    /// <param name="rows">Rows of it.</param>
    /// <param name="sums">[neurons], overwritten.</param>
    public static void ColumnSums(ReadOnlySpan<float> dValues, int rows, Span<float> sums)
    {
        int neurons = sums.Length;
        sums.Clear();
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(sums, dValues.Slice(r * neurons, neurons), sums);
    }
}
