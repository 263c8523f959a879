namespace NNTrainer.Tensors;

/// <summary>
/// The argument checks the fused classifier kernels (<see cref="SmallInputClassifierKernel"/>,
/// <see cref="NarrowClassifierKernel"/>) share: they take the same buffers in the same layout and differ only in the
/// shapes they accept, so a caller's mistake reads the same whichever kernel it reached.
/// </summary>
internal static class ClassifierKernelChecks
{
    /// <summary>Refuses shapes outside a kernel's limits, a row stride not in whole groups of <paramref name="block"/> samples, or a machine without AVX-512.</summary>
    public static void Shapes(int rows, int k, int hidden, int classes, int ld, int maxInputs, int maxClasses, int block, bool supported, string kernel)
    {
        if (k < 1 || k > maxInputs) throw new ArgumentOutOfRangeException(nameof(k), k, $"The kernel takes 1 to {maxInputs} inputs.");
        if (classes < 2 || classes > maxClasses) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"The kernel takes 2 to {maxClasses} classes.");
        if (hidden < 1) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "The hidden layer needs at least one unit.");
        if (rows < 1 || ld < rows || ld % block != 0) throw new ArgumentOutOfRangeException(nameof(ld), ld, "The row stride must cover the samples in whole groups.");
        if (!supported) throw new PlatformNotSupportedException($"The {kernel} kernel needs AVX-512.");
    }

    /// <summary>Refuses parameter buffers shorter than a <paramref name="k"/>-<paramref name="hidden"/>-<paramref name="classes"/> network needs.</summary>
    public static void Parameters(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, int b2Length, int k, int hidden, int classes)
    {
        Check(w1.Length, (long)k * hidden, nameof(w1));
        Check(b1.Length, hidden, nameof(b1));
        Check(w2.Length, (long)hidden * classes, nameof(w2));
        Check(b2Length, classes, "b2");
    }

    /// <summary>Refuses a buffer of <paramref name="length"/> values where <paramref name="needed"/> are needed, naming it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(int length, long needed, string name)
    {
        if (length < needed) Fail(length, needed, name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail(int length, long needed, string name) => throw new ArgumentException($"The buffer holds {length} values; {needed} are needed.", name);
}
