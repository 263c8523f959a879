namespace NNTrainer.Tensors;

/// <summary>
/// Gathering rows into a batch buffer (the training loop's shuffled batches): in parallel blocks for large batches,
/// with the next rows prefetched while the current ones are copied.
/// </summary>
public sealed partial class Matrix
{
    /// <summary>Gathers rows of this matrix into <paramref name="destination"/> (resized to the index count).</summary>
    internal void GatherRows(ReadOnlySpan<int> indices, Matrix destination)
    {
        CheckGather(indices, destination);
        GatherRange(indices, destination, 0);
    }

    /// <summary>
    /// Gathers rows <c>indices[start..start+count)</c> into <paramref name="destination"/>, split over
    /// <paramref name="threads"/> threads for large batches: each thread copies the contiguous block of rows it then
    /// reads first in the forward pass, and several threads keep more memory reads in flight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void GatherRows(int[] indices, int start, int count, Matrix destination, int threads)
    {
        var rows = indices.AsSpan(start, count);
        CheckGather(rows, destination);
        if (threads <= 1 || (long)count * Columns < ParallelGather)
        {
            GatherRange(rows, destination, 0);
            return;
        }
        var job = GatherJob.Current;
        job.Set(this, indices, start, count, destination);
        WorkerPool.Shared.Run(job, threads, threads);
        job.Clear();
    }

    private const long ParallelGather = 64 * 1024;

    private void CheckGather(ReadOnlySpan<int> indices, Matrix destination)
    {
        if (destination.Columns != Columns) throw new ArgumentException("Column counts differ.", nameof(destination));
        destination.Resize(indices.Length);
        foreach (int r in indices)
        {
            if ((uint)r >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(indices), r, $"Row index must be in [0, {Rows}).");
        }
    }

    /// <summary>
    /// Copies the indexed rows to destination rows <paramref name="first"/>... Shuffled rows of a large data set come from
    /// main memory one by one; asking for the rows a few places ahead keeps several of those reads in flight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void GatherRange(ReadOnlySpan<int> indices, Matrix destination, int first)
    {
        int c = Columns;
        const int Ahead = 4;
        fixed (float* src = _data)
        fixed (float* dst = destination._data)
        {
            for (int i = 0; i < Math.Min(Ahead, indices.Length) && Sse.IsSupported; i++) Prefetch((byte*)(src + (nint)indices[i] * c), c * sizeof(float));
            for (int i = 0; i < indices.Length; i++)
            {
                if (Sse.IsSupported && i + Ahead < indices.Length)
                {
                    Prefetch((byte*)(src + (nint)indices[i + Ahead] * c), c * sizeof(float));
                }
                CopyRow(src + (nint)indices[i] * c, dst + (nint)(first + i) * c, c);
            }
        }
    }

    /// <summary>A batch gather handed to the <see cref="WorkerPool"/>: part p copies the p-th contiguous block of rows.</summary>
    private sealed class GatherJob : ParallelWork
    {
        [ThreadStatic]
        private static GatherJob? _current;

        private Matrix? _source;
        private int[]? _indices;
        private int _start;
        private int _count;
        private Matrix? _destination;

        public static GatherJob Current => _current ??= new GatherJob();

        public void Set(Matrix source, int[] indices, int start, int count, Matrix destination) =>
            (_source, _indices, _start, _count, _destination) = (source, indices, start, count, destination);

        public void Clear() => (_source, _indices, _destination) = (null, null, null);

        public override void Run(int part, int parts)
        {
            int from = (int)((long)_count * part / parts);
            int to = (int)((long)_count * (part + 1) / parts);
            _source!.GatherRange(_indices.AsSpan(_start + from, to - from), _destination!, from);
        }
    }

    /// <summary>
    /// Copies a row of <paramref name="c"/> floats. A row of 4 to 32 values, a batch of a small table's rows, is two
    /// vectors that overlap in the middle (both write the same values there): a span copy per row of 9 floats cost Shuttle's
    /// training about as much time as its output layer's weight gradient.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void CopyRow(float* source, float* destination, int c)
    {
        if (c >= 16 && c <= 32 && Vector512.IsHardwareAccelerated)
        {
            var head = Vector512.Load(source);
            var tail = Vector512.Load(source + c - 16);
            head.Store(destination);
            tail.Store(destination + c - 16);
        }
        else if (c >= 8 && c < 16 && Vector256.IsHardwareAccelerated)
        {
            var head = Vector256.Load(source);
            var tail = Vector256.Load(source + c - 8);
            head.Store(destination);
            tail.Store(destination + c - 8);
        }
        else if (c >= 4 && c < 8 && Vector128.IsHardwareAccelerated)
        {
            var head = Vector128.Load(source);
            var tail = Vector128.Load(source + c - 4);
            head.Store(destination);
            tail.Store(destination + c - 4);
        }
        else
        {
            new ReadOnlySpan<float>(source, c).CopyTo(new Span<float>(destination, c));
        }
    }

    private static unsafe void Prefetch(byte* start, int bytes)
    {
        for (byte* line = start, end = start + bytes; line < end; line += 64) Sse.Prefetch0(line);
    }
}
