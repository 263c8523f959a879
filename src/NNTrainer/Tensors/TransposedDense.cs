namespace NNTrainer.Tensors;

/// <summary>
/// A dense layer's three products with the batch stored transposed, one row per feature and one column per sample
/// (<c>[features × ld]</c>): the layout in which a layer with a handful of neurons (a classifier's output layer) puts
/// the samples, not its few neurons, along the vector lanes.
/// </summary>
/// <remarks>
/// Each result is the fused multiply-add chain <see cref="GemmKernels"/> computes for the same value in the row-major
/// layout (products commute exactly, and the order over the inner dimension is the same), followed by the same
/// epilogue, so the two layouts give bit-identical values.
/// </remarks>
internal static unsafe class TransposedDense
{
    /// <summary>The row stride used for <paramref name="rows"/> samples: a whole number of the widest vectors.</summary>
    public static int LeadingDimension(int rows) => (rows + 15) & ~15;

    /// <summary><c>destination[j·ld + i] = source[i·columns + j]</c>, zeros in columns [rows, ld).</summary>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination, int ld)
    {
        if (source.Length < (long)rows * columns) throw new ArgumentException("The source is smaller than rows × columns.", nameof(source));
        if (ld < rows || destination.Length < (long)columns * ld) throw new ArgumentException("The destination is smaller than columns × ld.", nameof(destination));
        fixed (float* s = source, d = destination) GemmPacking.Transpose(s, rows, columns, d, ld);
    }

    /// <summary>
    /// <c>outputsT[j, i] = (relu)(Σ_p inputs[i, p]·weights[p, j] + bias[j])</c> for every sample column i &lt; ld: the layer's
    /// output, transposed. Padding columns of <paramref name="inputsT"/> give finite values that nothing reads.
    /// </summary>
    /// <param name="inputsT">The inputs transposed, [k × ld].</param>
    /// <param name="ld">Row stride of both transposed buffers, a multiple of 16.</param>
    /// <param name="k">Inputs per sample.</param>
    /// <param name="weights">The weights, [k × n].</param>
    /// <param name="bias">The biases, [n].</param>
    /// <param name="n">Neurons.</param>
    /// <param name="outputsT">Destination, [n × ld].</param>
    /// <param name="relu">Whether a ReLU follows (applied in the same pass).</param>
    /// <param name="numberOfThreads">Threads to use; the result does not depend on it.</param>
    public static void Forward(ReadOnlySpan<float> inputsT, int ld, int k, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int n,
        Span<float> outputsT, bool relu, int numberOfThreads)
    {
        CheckLeadingDimension(ld);
        Check(inputsT.Length, (long)k * ld, nameof(inputsT));
        Check(weights.Length, (long)k * n, nameof(weights));
        Check(bias.Length, n, nameof(bias));
        Check(outputsT.Length, (long)n * ld, nameof(outputsT));
        fixed (float* x = inputsT, w = weights, b = bias, y = outputsT)
        {
            var problem = new GemmProblem
            {
                A = w, ARowStride = 1, AColumnStride = n,
                B = x, Ldb = ld, BPadded = true,
                C = y, Ldc = ld,
                Epilogue = { RowBias = b, ReLU = relu },
                M = n, N = ld, K = k,
            };
            GemmKernels.Run(ref problem, numberOfThreads, GemmIsa.Auto.Resolve());
        }
    }

    /// <summary>
    /// The weight gradient <c>inputsᵀ·dY</c> and bias gradient (dY's column sums) from a transposed output gradient
    /// <c>dYᵀ</c> and row-major inputs.
    /// </summary>
    /// <param name="gradientT">The gradient with respect to the layer's output, transposed, [n × ld].</param>
    /// <param name="ld">Row stride of <paramref name="gradientT"/>.</param>
    /// <param name="rows">Samples.</param>
    /// <param name="inputs">The layer's inputs, [rows × k].</param>
    /// <param name="k">Inputs per sample.</param>
    /// <param name="n">Neurons.</param>
    /// <param name="weightGradient">Destination, [k × n].</param>
    /// <param name="biasGradient">Destination, [n].</param>
    /// <param name="numberOfThreads">Threads to use; the result does not depend on it.</param>
    public static void WeightGradient(ReadOnlySpan<float> gradientT, int ld, int rows, ReadOnlySpan<float> inputs, int k, int n,
        Span<float> weightGradient, Span<float> biasGradient, int numberOfThreads)
    {
        Check(gradientT.Length, (long)n * ld, nameof(gradientT));
        Check(inputs.Length, (long)rows * k, nameof(inputs));
        Check(weightGradient.Length, (long)k * n, nameof(weightGradient));
        Check(biasGradient.Length, n, nameof(biasGradient));
        if (ld < rows) throw new ArgumentOutOfRangeException(nameof(ld), ld, "The row stride is smaller than the number of samples.");
        // dWᵀ[n×k] = dYᵀ·X: rows of dYᵀ are this problem's rows of A, so the running row sums are the bias gradient.
        float* transposed = Scratch.Current.Transposed((long)n * k);
        fixed (float* d = gradientT, x = inputs, dw = weightGradient, db = biasGradient)
        {
            var problem = new GemmProblem
            {
                A = d, ARowStride = ld, AColumnStride = 1,
                B = x, Ldb = k,
                C = transposed, Ldc = k,
                M = n, N = k, K = rows,
                Sums = db, SumsKind = TileSums.RowsOfA,
            };
            GemmKernels.Run(ref problem, numberOfThreads, GemmIsa.Auto.Resolve());
            GemmPacking.Transpose(transposed, n, k, dw, n);
        }
    }

    /// <summary>
    /// The input gradient <c>dY·Wᵀ</c> from a transposed output gradient, row-major, kept only where
    /// <paramref name="reluMask"/> (the previous ReLU's output) is positive when one is given.
    /// </summary>
    /// <param name="gradientT">The gradient with respect to the layer's output, transposed, [n × ld].</param>
    /// <param name="ld">Row stride of <paramref name="gradientT"/>.</param>
    /// <param name="rows">Samples.</param>
    /// <param name="weights">The weights, [k × n].</param>
    /// <param name="k">Inputs per sample.</param>
    /// <param name="n">Neurons.</param>
    /// <param name="dInputs">Destination, [rows × k].</param>
    /// <param name="reluMask">The previous ReLU's output, [rows × k], or empty.</param>
    /// <param name="numberOfThreads">Threads to use; the result does not depend on it.</param>
    public static void InputGradient(ReadOnlySpan<float> gradientT, int ld, int rows, ReadOnlySpan<float> weights, int k, int n,
        Span<float> dInputs, ReadOnlySpan<float> reluMask, int numberOfThreads)
    {
        Check(gradientT.Length, (long)n * ld, nameof(gradientT));
        Check(weights.Length, (long)k * n, nameof(weights));
        Check(dInputs.Length, (long)rows * k, nameof(dInputs));
        if (!reluMask.IsEmpty) Check(reluMask.Length, (long)rows * k, nameof(reluMask));
        if (ld < rows) throw new ArgumentOutOfRangeException(nameof(ld), ld, "The row stride is smaller than the number of samples.");
        var isa = GemmIsa.Auto.Resolve();
        int width = isa.VectorWidth();
        int packedLd = (k + width - 1) / width * width;
        float* packed = Scratch.Current.Packed((long)n * packedLd);
        fixed (float* d = gradientT, w = weights, dx = dInputs, mask = reluMask)
        {
            GemmPacking.Transpose(w, k, n, packed, packedLd);
            var problem = new GemmProblem
            {
                A = d, ARowStride = 1, AColumnStride = ld,
                B = packed, Ldb = packedLd, BPadded = true,
                C = dx, Ldc = k,
                Epilogue = { Mask = mask, Ldm = k },
                M = rows, N = k, K = n,
            };
            GemmKernels.Run(ref problem, numberOfThreads, isa);
        }
    }

    private static void CheckLeadingDimension(int ld)
    {
        if (ld <= 0 || ld % 16 != 0) throw new ArgumentOutOfRangeException(nameof(ld), ld, "The row stride of a transposed batch must be a positive multiple of 16.");
    }

    private static void Check(int length, long needed, string name)
    {
        if (length < needed) throw new ArgumentException($"The buffer holds {length} values; {needed} are needed.", name);
    }
}
