namespace NNTrainer.Tensors;

/// <summary>The instruction sets the GEMM kernels can run on; <see cref="Auto"/> picks the widest the machine has.</summary>
/// <remarks>
/// Every path computes each output as the same chain of fused multiply-adds, in the same order over the inner
/// dimension, so all of them give bit-identical results; tests force each path through this switch.
/// </remarks>
internal enum GemmIsa
{
    Auto,
    Scalar,
    Vector256,
    Vector512,
}

internal static class GemmIsaExtensions
{
    /// <summary>The widest path this machine runs in hardware.</summary>
    public static readonly GemmIsa Best =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? GemmIsa.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmIsa.Vector256
        : GemmIsa.Scalar;

    /// <summary>Resolves <see cref="GemmIsa.Auto"/>; an explicit request the hardware lacks falls back to scalar.</summary>
    public static GemmIsa Resolve(this GemmIsa isa) => isa switch
    {
        GemmIsa.Auto => Best,
        GemmIsa.Vector512 when Best != GemmIsa.Vector512 => GemmIsa.Scalar,
        GemmIsa.Vector256 when Best == GemmIsa.Scalar => GemmIsa.Scalar,
        _ => isa,
    };

    /// <summary>Floats per vector register.</summary>
    public static int VectorWidth(this GemmIsa isa) => isa switch
    {
        GemmIsa.Vector512 => 16,
        GemmIsa.Vector256 => 8,
        _ => 1,
    };

    /// <summary>
    /// Rows per register tile: 8×2 accumulators fit the 32 vector registers of AVX-512; AVX2's 16 registers take
    /// 6×2 accumulators plus the two B vectors and a broadcast.
    /// </summary>
    public static int TileRows(this GemmIsa isa) => isa == GemmIsa.Vector256 ? 6 : 8;

    /// <summary>Columns per register tile (two vectors).</summary>
    public static int TileColumns(this GemmIsa isa) => isa == GemmIsa.Scalar ? 32 : 2 * isa.VectorWidth();
}
