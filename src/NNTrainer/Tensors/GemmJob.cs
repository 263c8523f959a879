namespace NNTrainer.Tensors;

/// <summary>
/// A GEMM handed to the <see cref="WorkerPool"/>: part p computes column strip p, or a fixed, contiguous share of the
/// row blocks. One reusable instance per calling thread.
/// </summary>
internal sealed unsafe class GemmJob : ParallelWork
{
    [ThreadStatic]
    private static GemmJob? _current;

    private GemmProblem _problem;
    private GemmIsa _isa;
    private int _rowBlocks;
    private int _strips;
    private bool _byStrips;

    /// <summary>This thread's job object.</summary>
    public static GemmJob Current => _current ??= new GemmJob();

    public void Set(in GemmProblem problem, GemmIsa isa, int rowBlocks, int strips, bool byStrips)
    {
        _byStrips = byStrips;
        _problem = problem;
        _isa = isa;
        _rowBlocks = rowBlocks;
        _strips = strips;
    }

    /// <inheritdoc />
    public override void Run(int part, int parts)
    {
        if (_byStrips)
        {
            GemmBlocking.Compute(in _problem, _isa, 0, _rowBlocks, Share(_strips, part, parts), Share(_strips, part + 1, parts));
        }
        else
        {
            GemmBlocking.Compute(in _problem, _isa, Share(_rowBlocks, part, parts), Share(_rowBlocks, part + 1, parts), 0, _strips);
        }
    }

    private static int Share(int count, int part, int parts) => (int)((long)count * part / parts);
}
