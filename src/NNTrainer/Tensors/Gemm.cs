namespace NNTrainer.Tensors;

/// <summary>
/// The three matrix products backpropagation needs, over row-major <see cref="Matrix"/> values, without
/// materialising a transpose: <c>X·W</c> (forward), <c>Xᵀ·dY</c> (weight gradient) and <c>dY·Wᵀ</c>
/// (input gradient).
/// </summary>
public static class Gemm
{
    /// <summary>Computes <c>result = a · b</c>; <paramref name="result"/> is resized to <c>a.Rows</c> rows.</summary>
    /// <param name="a">Left operand, [m × k].</param>
    /// <param name="b">Right operand, [k × n].</param>
    /// <param name="result">Destination, [m × n].</param>
    /// <param name="numberOfThreads">Threads to use; results are bit-identical for any value.</param>
    public static void Multiply(Matrix a, Matrix b, Matrix result, int numberOfThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (a.Columns != b.Rows) throw new ArgumentException($"Cannot multiply {a.Rows}x{a.Columns} by {b.Rows}x{b.Columns}: inner sizes differ.");
        if (result.Columns != b.Columns) throw new ArgumentException($"The result has {result.Columns} columns; the product has {b.Columns}.", nameof(result));
        result.Resize(a.Rows);
        GemmKernels.MultiplyNN(a.Data, b.Data, result.Data, a.Rows, a.Columns, b.Columns, accumulate: false, numberOfThreads);
    }

    /// <summary>Computes <c>result = aᵀ · b</c>; <paramref name="result"/> is resized to <c>a.Columns</c> rows.</summary>
    /// <param name="a">Left operand before transposition, [k × m].</param>
    /// <param name="b">Right operand, [k × n].</param>
    /// <param name="result">Destination, [m × n].</param>
    /// <param name="numberOfThreads">Threads to use; results are bit-identical for any value.</param>
    public static void MultiplyTransposeA(Matrix a, Matrix b, Matrix result, int numberOfThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (a.Rows != b.Rows) throw new ArgumentException($"Cannot multiply ({a.Rows}x{a.Columns})ᵀ by {b.Rows}x{b.Columns}: row counts differ.");
        if (result.Columns != b.Columns) throw new ArgumentException($"The result has {result.Columns} columns; the product has {b.Columns}.", nameof(result));
        result.Resize(a.Columns);
        GemmKernels.MultiplyTN(a.Data, b.Data, result.Data, a.Columns, a.Rows, b.Columns, accumulate: false, numberOfThreads);
    }

    /// <summary>Computes <c>result = a · bᵀ</c>; <paramref name="result"/> is resized to <c>a.Rows</c> rows.</summary>
    /// <param name="a">Left operand, [m × k].</param>
    /// <param name="b">Right operand before transposition, [n × k].</param>
    /// <param name="result">Destination, [m × n].</param>
    /// <param name="numberOfThreads">Threads to use; results are bit-identical for any value.</param>
    public static void MultiplyTransposeB(Matrix a, Matrix b, Matrix result, int numberOfThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        if (a.Columns != b.Columns) throw new ArgumentException($"Cannot multiply {a.Rows}x{a.Columns} by ({b.Rows}x{b.Columns})ᵀ: column counts differ.");
        if (result.Columns != b.Rows) throw new ArgumentException($"The result has {result.Columns} columns; the product has {b.Rows}.", nameof(result));
        result.Resize(a.Rows);
        GemmKernels.MultiplyNT(a.Data, b.Data, result.Data, a.Rows, a.Columns, b.Rows, accumulate: false, numberOfThreads);
    }
}
