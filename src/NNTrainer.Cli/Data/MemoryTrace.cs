namespace NNTrainer.Cli.Data;

/// <summary>
/// Debug checkpoints of the process's memory: with the environment variable <c>NNTRAINER_MEMORY_TRACE=1</c> each
/// <see cref="Note"/> writes the current and peak resident set (<c>VmRSS</c>, <c>VmHWM</c> of /proc/self/status) to
/// standard error, so a run shows which step of reading, featurising and training sets the peak. Off by default, and
/// a no-op where /proc does not exist.
/// </summary>
internal static class MemoryTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("NNTRAINER_MEMORY_TRACE") == "1";

    /// <summary>Writes one checkpoint line when tracing is on.</summary>
    /// <param name="step">What has just been done.</param>
    public static void Note(string step)
    {
        if (!Enabled || !File.Exists("/proc/self/status")) return;
        string rss = "?", peak = "?";
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Megabytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Megabytes(line);
        }
        Console.Error.WriteLine($"memory: {step}: VmRSS {rss} MB, VmHWM {peak} MB, managed heap {GC.GetTotalMemory(false) >> 20} MB");
    }

    // The kernel reports kB: "VmHWM:    123456 kB".
    private static string Megabytes(string line) =>
        long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), out long kilobytes) ? (kilobytes >> 10).ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
}
