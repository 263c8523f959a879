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
    public static void Multiply(Matrix a, Matrix b, Matrix result, int numberOfThreads = 1) =>
        Product(a, transposeA: false, b, transposeB: false, result, numberOfThreads);

    /// <summary>Computes <c>result = aᵀ · b</c>; <paramref name="result"/> is resized to <c>a.Columns</c> rows.</summary>
    /// <param name="a">Left operand before transposition, [k × m].</param>
    /// <param name="b">Right operand, [k × n].</param>
    /// <param name="result">Destination, [m × n].</param>
    /// <param name="numberOfThreads">Threads to use; results are bit-identical for any value.</param>
    public static void MultiplyTransposeA(Matrix a, Matrix b, Matrix result, int numberOfThreads = 1) =>
        Product(a, transposeA: true, b, transposeB: false, result, numberOfThreads);

    /// <summary>Computes <c>result = a · bᵀ</c>; <paramref name="result"/> is resized to <c>a.Rows</c> rows.</summary>
    /// <param name="a">Left operand, [m × k].</param>
    /// <param name="b">Right operand before transposition, [n × k].</param>
    /// <param name="result">Destination, [m × n].</param>
    /// <param name="numberOfThreads">Threads to use; results are bit-identical for any value.</param>
    public static void MultiplyTransposeB(Matrix a, Matrix b, Matrix result, int numberOfThreads = 1) =>
        Product(a, transposeA: false, b, transposeB: true, result, numberOfThreads);

    // The three products differ only in which operand is read transposed: one set of checks, then the kernel for it.
    private static void Product(Matrix a, bool transposeA, Matrix b, bool transposeB, Matrix result, int numberOfThreads)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(result);
        int m = transposeA ? a.Columns : a.Rows, k = transposeA ? a.Rows : a.Columns, n = transposeB ? b.Rows : b.Columns;
        if (k != (transposeB ? b.Columns : b.Rows)) throw new ArgumentException($"Cannot multiply {Shape(a, transposeA)} by {Shape(b, transposeB)}: inner sizes differ.");
        if (result.Columns != n) throw new ArgumentException($"The result has {result.Columns} columns; the product has {n}.", nameof(result));
        result.Resize(m);
        if (transposeA) GemmKernels.MultiplyTN(a.Data, b.Data, result.Data, m, k, n, accumulate: false, numberOfThreads);
        else if (transposeB) GemmKernels.MultiplyNT(a.Data, b.Data, result.Data, m, k, n, accumulate: false, numberOfThreads);
        else GemmKernels.MultiplyNN(a.Data, b.Data, result.Data, m, k, n, accumulate: false, numberOfThreads);
    }

    private static string Shape(Matrix x, bool transposed) => transposed ? $"({x.Rows}x{x.Columns})ᵀ" : $"{x.Rows}x{x.Columns}";
}
