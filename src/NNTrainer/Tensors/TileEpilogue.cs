namespace NNTrainer.Tensors;

/// <summary>
/// What a register tile does to its accumulators before storing them, in this order: add <see cref="Bias"/> (one
/// value per column), add <see cref="RowBias"/> (one value per row), apply ReLU, keep only where <see cref="Mask"/> is
/// positive. Each step is one IEEE operation per value, the same in every instruction set, so fusing them into the
/// GEMM gives the results the separate passes (bias add, <see cref="Kernels.ReLUForward"/>,
/// <see cref="Kernels.ReLUBackward"/>) give.
/// </summary>
internal unsafe struct TileEpilogue
{
    /// <summary>Per-column values (the layer's bias when C is [samples × neurons]); null for none.</summary>
    public float* Bias;

    /// <summary>Per-row values (the layer's bias when C is transposed, [neurons × samples]); null for none.</summary>
    public float* RowBias;

    /// <summary><c>C = C &lt; 0 ? 0 : C</c>, ReLU as <see cref="Kernels.ReLUForward"/> computes it (a NaN passes through).</summary>
    public bool ReLU;

    /// <summary>
    /// <c>C = Mask &gt; 0 ? C : 0</c> over a matrix laid out like C with row stride <see cref="Ldm"/>: ReLU's backward pass,
    /// masked by the ReLU's output (positive exactly where its input was positive); null for none.
    /// </summary>
    public float* Mask;

    /// <summary>Row stride of <see cref="Mask"/>.</summary>
    public nint Ldm;

    /// <summary>Whether any step applies.</summary>
    public readonly bool Any => Bias != null || RowBias != null || ReLU || Mask != null;
}
