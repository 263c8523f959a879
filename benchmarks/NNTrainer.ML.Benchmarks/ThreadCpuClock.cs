using System.Runtime.InteropServices;

namespace NNTrainer.ML.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a machine shared with other jobs, the time
/// the thread was descheduled does not count, so single-threaded methods compare far more steadily than by wall time.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether the clock is available (Linux); elsewhere <see cref="Seconds"/> returns NaN.</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>Seconds of CPU time the calling thread has used so far, or NaN where the clock is not available.</summary>
    public static double Seconds()
    {
        if (!IsAvailable || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0) return double.NaN;
        return time.Seconds + time.Nanoseconds * 1e-9;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
