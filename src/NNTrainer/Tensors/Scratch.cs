namespace NNTrainer.Tensors;

/// <summary>
/// Per-thread, grow-only buffers for packed GEMM operands and edge tiles: pinned and 64-byte aligned, allocated
/// the first time a size is needed and reused afterwards, so kernels allocate nothing in the steady state.
/// </summary>
internal sealed unsafe class Scratch
{
    [ThreadStatic]
    private static Scratch? _current;

    private float[] _packed = [];
    private float* _packedPointer;
    private float[] _strip = [];
    private float* _stripPointer;
    private float[] _transposed = [];
    private float* _transposedPointer;

    /// <summary>This thread's buffers.</summary>
    public static Scratch Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _current ?? New();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Scratch New() => _current = new Scratch();

    /// <summary>A buffer for a packed operand of at least <paramref name="length"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Packed(long length) => _packed.Length >= length + 16 ? _packedPointer : Grow(ref _packed, ref _packedPointer, length);

    /// <summary>A buffer for a padded edge strip and edge tile of at least <paramref name="length"/> floats (distinct from <see cref="Packed"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Strip(long length) => _strip.Length >= length + 16 ? _stripPointer : Grow(ref _strip, ref _stripPointer, length);

    /// <summary>A buffer for a transposed result of at least <paramref name="length"/> floats (distinct from the other two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float* Transposed(long length) => _transposed.Length >= length + 16 ? _transposedPointer : Grow(ref _transposed, ref _transposedPointer, length);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float* Grow(ref float[] buffer, ref float* pointer, long length)
    {
        buffer = GC.AllocateUninitializedArray<float>(checked((int)(length + 16)), pinned: true);
        fixed (float* p = buffer)
        {
            // Align to a cache line: whole-vector loads never straddle two lines.
            pointer = (float*)(((nint)p + 63) & ~(nint)63);
        }
        return pointer;
    }
}
