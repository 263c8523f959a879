using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NNTrainer.Cli.Output;

/// <summary>
/// Seconds spent per phase of a block loop (reading, scoring, writing), for the <c>--json</c> output, so a slow run
/// says where its time went. Two timestamps a block: nothing measurable beside the work.
/// </summary>
internal sealed class PhaseTimes
{
    private readonly Dictionary<string, long> _ticks = [];
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Starts the clock, first charging the time from the process's start to now to "startup" (runtime, JIT, model load).</summary>
    public PhaseTimes()
    {
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        _ticks["startup"] = (long)(sinceStart.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Charges the time since the previous call (or since creation) to <paramref name="phase"/>.</summary>
    public void Lap(string phase)
    {
        long now = Stopwatch.GetTimestamp();
        _ticks[phase] = _ticks.GetValueOrDefault(phase) + (now - _last);
        _last = now;
    }

    /// <summary>The phases in first-charged order with their seconds, rounded to milliseconds.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (phase, ticks) in _ticks) json[phase] = Math.Round((double)ticks / Stopwatch.Frequency, 3);
        return json;
    }
}
