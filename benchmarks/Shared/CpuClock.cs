using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NNTrainer.BenchmarkSupport;

/// <summary>
/// CPU time in nanosecond resolution from Linux's <c>clock_gettime</c>, shared by the benchmark programs (linked into
/// each): on a machine shared with other jobs, CPU time (the work done, not the time spent waiting for a core) compares
/// two builds or two methods far more steadily than wall time.
/// </summary>
internal static partial class CpuClock
{
    private const int ProcessCpuTimeId = 2;
    private const int ThreadCpuTimeId = 3;

    /// <summary>Whether the nanosecond clocks are available (Linux).</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>Seconds of CPU time the calling thread has used so far, or NaN where the clock is not available.</summary>
    public static double ThreadSeconds() => Read(ThreadCpuTimeId, out double seconds) ? seconds : double.NaN;

    /// <summary>
    /// Seconds of CPU time the whole process has used so far; elsewhere than Linux, <see cref="Process.TotalProcessorTime"/>
    /// (clock ticks only, too coarse for phases of a fraction of a millisecond).
    /// </summary>
    public static double ProcessSeconds()
    {
        if (Read(ProcessCpuTimeId, out double seconds)) return seconds;
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static bool Read(int clock, out double seconds)
    {
        seconds = 0;
        if (!IsAvailable || ClockGetTime(clock, out var time) != 0) return false;
        seconds = time.Seconds + time.Nanoseconds * 1e-9;
        return true;
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
