using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace NNTrainer.Tensors;

/// <summary>
/// Persistent threads for the kernels' <c>NumberOfThreads</c>: a <see cref="ParallelWork"/> is split into a fixed
/// number of parts, and the caller and the workers claim parts until none is left, with no allocation and no
/// task scheduling per call. A worker spins for a short while after each call (training issues the next kernel
/// within microseconds), then sleeps until posted again.
/// </summary>
/// <remarks>
/// Because the parts are fixed and independent, results do not depend on which thread runs which part: a worker
/// the OS has not scheduled yet simply finds its part already done by the caller, instead of stalling the call.
/// One caller at a time owns the pool; another thread that finds it busy runs all parts itself.
/// </remarks>
internal sealed class WorkerPool
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 2000; // 0.5 ms

    private Worker[] _workers = [];
    private ParallelWork? _work;
    private int _parts;
    private int _threads;
    private int _generation;
    private int[] _claims = new int[64]; // −generation: unclaimed in that call; +generation: claimed
    private int _completed;
    private int _owned;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The process-wide pool.</summary>
    public static WorkerPool Shared { get; } = new();

    /// <summary>
    /// Runs all <paramref name="parts"/> of <paramref name="work"/> on the calling thread (participant 0) and
    /// <paramref name="threads"/> − 1 workers, and returns when every part has finished. Participant t's home is the
    /// t-th contiguous block of parts: each participant runs its home parts first, so a kernel that gives the same parts
    /// the same data call after call keeps that data in one core's cache (contiguous, so neighbouring parts that share a
    /// cache line mostly share a thread too); then it takes any part still unclaimed.
    /// </summary>
    public void Run(ParallelWork work, int parts, int threads)
    {
        threads = Math.Min(threads, parts);
        if (threads <= 1 || Interlocked.CompareExchange(ref _owned, 1, 0) != 0)
        {
            for (int part = 0; part < parts; part++) work.Run(part, parts);
            return;
        }
        try
        {
            EnsureWorkers(threads - 1);
            if (_claims.Length < parts) _claims = new int[Math.Max(parts, 2 * _claims.Length)];
            _work = work;
            _parts = parts;
            _threads = threads;
            _failure = null;
            Volatile.Write(ref _completed, 0);
            int generation = _generation + 1;
            for (int part = 0; part < parts; part++) _claims[part] = -generation;
            Volatile.Write(ref _generation, generation);
            for (int w = 0; w < threads - 1; w++) _workers[w].Post(generation);
            RunParts(generation, 0);
            var spin = new SpinWait();
            while (Volatile.Read(ref _completed) != parts) spin.SpinOnce(sleep1Threshold: -1);
            _work = null;
            _failure?.Throw();
        }
        finally
        {
            Volatile.Write(ref _owned, 0);
        }
    }

    /// <summary>Participant <paramref name="participant"/>'s share of call <paramref name="generation"/>: its home parts, then any left.</summary>
    /// <remarks>
    /// A worker that wakes after its call has finished may read the next call's fields here, but its claims compare
    /// against its own generation's marker and fail, so it never runs a part that is not its call's.
    /// </remarks>
    private void RunParts(int generation, int participant)
    {
        int parts = Math.Min(Volatile.Read(ref _parts), _claims.Length);
        int threads = Math.Max(1, _threads);
        var claims = _claims;
        int homeEnd = (int)((long)parts * (participant + 1) / threads);
        for (int part = (int)((long)parts * participant / threads); part < homeEnd; part++) TryRun(claims, part, parts, generation);
        for (int part = 0; part < parts; part++) TryRun(claims, part, parts, generation);
    }

    private void TryRun(int[] claims, int part, int parts, int generation)
    {
        if (Interlocked.CompareExchange(ref claims[part], generation, -generation) != -generation) return;
        // Claimed: the call cannot finish (nor the next begin) until this part completes, so _work is this call's.
        try
        {
            _work!.Run(part, parts);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }
        Interlocked.Increment(ref _completed);
    }

    private void EnsureWorkers(int count)
    {
        if (_workers.Length >= count) return;
        var workers = new Worker[count];
        Array.Copy(_workers, workers, _workers.Length);
        for (int i = _workers.Length; i < count; i++) workers[i] = new Worker(this, i + 1);
        _workers = workers;
    }

    private sealed class Worker
    {
        private readonly WorkerPool _pool;
        private readonly object _gate = new();
        private int _posted;
        private int _sleeping;

        private readonly int _participant;

        public Worker(WorkerPool pool, int index)
        {
            _pool = pool;
            _participant = index;
            var thread = new Thread(Loop, maxStackSize: 256 * 1024) { IsBackground = true, Name = $"NNTrainer kernel worker {index}" };
            thread.Start();
        }

        public void Post(int generation)
        {
            Volatile.Write(ref _posted, generation);
            if (Interlocked.CompareExchange(ref _sleeping, 0, 0) != 0)
            {
                lock (_gate) Monitor.Pulse(_gate);
            }
        }

        private void Loop()
        {
            int seen = 0;
            while (true)
            {
                seen = WaitForPost(seen);
                _pool.RunParts(seen, _participant);
            }
        }

        private int WaitForPost(int seen)
        {
            long until = Stopwatch.GetTimestamp() + SpinTicks;
            int posted;
            while ((posted = Volatile.Read(ref _posted)) == seen)
            {
                if (Stopwatch.GetTimestamp() < until)
                {
                    Thread.SpinWait(20);
                    continue;
                }
                lock (_gate)
                {
                    // The interlocked write fences before the last look: Post either sees a sleeper or we see its post.
                    Interlocked.Exchange(ref _sleeping, 1);
                    while ((posted = Volatile.Read(ref _posted)) == seen) Monitor.Wait(_gate);
                    Interlocked.Exchange(ref _sleeping, 0);
                }
            }
            return posted;
        }
    }
}
