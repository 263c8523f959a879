using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NNTrainer.Cli.Output;

/// <summary>
/// Seconds spent per phase of a block loop (reading, scoring, writing), wall-clock and CPU (all the process's
/// threads), for the <c>--json</c> output, so a slow run says where its time went; on a shared machine the CPU
/// seconds are the ones that compare. A few clock reads a block: nothing measurable beside the work.
/// </summary>
internal sealed class PhaseTimes
{
    private readonly Dictionary<string, (long Wall, TimeSpan Cpu)> _spent = [];
    private readonly Process _process = Process.GetCurrentProcess();
    private long _wall = Stopwatch.GetTimestamp();
    private TimeSpan _cpu;

    /// <summary>Starts the clock, first charging the time from the process's start to now to "startup" (runtime, JIT, model load).</summary>
    public PhaseTimes()
    {
        _cpu = _process.TotalProcessorTime;
        var sinceStart = DateTime.Now - _process.StartTime;
        _spent["startup"] = ((long)(sinceStart.TotalSeconds * Stopwatch.Frequency), _cpu);
    }

    /// <summary>Charges the time since the previous call (or since creation) to <paramref name="phase"/>.</summary>
    public void Lap(string phase)
    {
        long wall = Stopwatch.GetTimestamp();
        _process.Refresh();
        var cpu = _process.TotalProcessorTime;
        var (w, c) = _spent.GetValueOrDefault(phase);
        _spent[phase] = (w + wall - _wall, c + (cpu - _cpu));
        (_wall, _cpu) = (wall, cpu);
    }

    /// <summary>Wall-clock seconds per phase, in first-charged order, rounded to milliseconds.</summary>
    public JsonObject WallSeconds() => ToJson(s => (double)s.Wall / Stopwatch.Frequency);

    /// <summary>CPU seconds per phase (every thread of the process), in first-charged order, rounded to milliseconds.</summary>
    public JsonObject CpuSeconds() => ToJson(s => s.Cpu.TotalSeconds);

    private JsonObject ToJson(Func<(long Wall, TimeSpan Cpu), double> seconds)
    {
        var json = new JsonObject();
        foreach (var (phase, spent) in _spent) json[phase] = Math.Round(seconds(spent), 3);
        return json;
    }
}
