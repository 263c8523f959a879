namespace NNTrainer.Tensors;

/// <summary>
/// The transposition of <c>W</c> that <c>dY·Wᵀ</c> packs, split across the <see cref="WorkerPool"/>: part p transposes
/// a contiguous range of W's rows into the same range of packed columns. Ranges start on 16-column boundaries of a
/// 64-byte-aligned buffer whose rows are whole numbers of 16 floats with AVX-512, so no two threads write one cache line.
/// </summary>
/// <remarks>A copy, whatever the split: the product that reads it is unchanged.</remarks>
internal sealed unsafe class PackJob : ParallelWork
{
    [ThreadStatic]
    private static PackJob? _current;

    private float* _source;
    private float* _destination;
    private int _n;
    private int _k;
    private int _ld;

    /// <summary>This thread's job object.</summary>
    public static PackJob Current => _current ??= new PackJob();

    /// <summary>Parts worth splitting <paramref name="n"/> rows into: blocks of at least 32 rows, a few per thread.</summary>
    public static int Parts(int n, int threads) => Math.Min(2 * threads, n / 32);

    public void Set(float* source, int n, int k, float* destination, int ld)
    {
        _source = source;
        _destination = destination;
        (_n, _k, _ld) = (n, k, ld);
    }

    /// <inheritdoc />
    public override void Run(int part, int parts)
    {
        int from = Boundary(part, parts);
        int to = Boundary(part + 1, parts);
        GemmPacking.TransposeRows(_source, _n, _k, _destination, _ld, from, to);
    }

    private int Boundary(int part, int parts) => part == parts ? _n : (int)((long)_n * part / parts) & ~15;
}
