namespace NNTrainer.Cli.Commands;

/// <summary>
/// The <c>--schedule</c> option's text, <c>NAME[:KEY=VALUE,...]</c>, turned into an engine
/// <see cref="LearningRateSchedule"/>: <c>step:factor=0.25,every=5</c>, <c>exponential:gamma=0.95</c>,
/// <c>cosine:warmup=0,min=0,last=1</c> (<c>last</c>: the share of the steps the decay spans), <c>onecycle:pct=0.3,div=25,final-div=10000</c>,
/// <c>plateau:factor=0.1,patience=10,min=0,cooldown=0</c> (the values shown are the defaults), or <c>none</c>.
/// </summary>
internal static class ScheduleSpec
{
    /// <summary>The schedule names, as the help and the errors list them.</summary>
    public const string Names = "none, step, exponential, cosine, onecycle or plateau";

    private static readonly Dictionary<string, string[]> Keys = new()
    {
        ["step"] = ["factor", "every"],
        ["exponential"] = ["gamma"],
        ["cosine"] = ["warmup", "min", "last"],
        ["onecycle"] = ["pct", "div", "final-div"],
        ["plateau"] = ["factor", "patience", "min", "cooldown"],
    };

    /// <summary>The schedule <paramref name="text"/> describes (null for <c>none</c>); a <see cref="FormatException"/> names what is wrong.</summary>
    public static LearningRateSchedule? Parse(string text)
    {
        var trimmed = text.Trim();
        int colon = trimmed.IndexOf(':');
        string name = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        if (name == "none" && colon < 0) return null;
        if (!Keys.TryGetValue(name, out var keys)) throw new FormatException($"--schedule must be {Names} (with KEY=VALUE settings after a colon), not '{text}'.");
        var values = new Dictionary<string, string>();
        if (colon >= 0)
        {
            foreach (var part in trimmed[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = part.IndexOf('=');
                string key = equals < 0 ? part : part[..equals].Trim().ToLowerInvariant();
                if (equals < 0 || !keys.Contains(key)) throw new FormatException($"--schedule {name} takes {string.Join(", ", keys.Select(k => k + "=VALUE"))}, not '{part}'.");
                values[key] = part[(equals + 1)..].Trim();
            }
        }
        try
        {
            return name switch
            {
                "step" => new StepDecaySchedule(Float(values, name, "factor", 0.25f), Int(values, name, "every", 5)),
                "exponential" => new ExponentialDecaySchedule(Float(values, name, "gamma", 0.95f)),
                "cosine" => new CosineSchedule(Int(values, name, "warmup", 0), Float(values, name, "min", 0f), Float(values, name, "last", 1f)),
                "onecycle" => new OneCycleSchedule(Float(values, name, "pct", 0.3f), Float(values, name, "div", 25f), Float(values, name, "final-div", 1e4f)),
                _ => new ReduceOnPlateauSchedule(Float(values, name, "factor", 0.1f), Int(values, name, "patience", 10), Float(values, name, "min", 0f), Int(values, name, "cooldown", 0)),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The engine names its parameter and what it must be; the user typed the key.
            string key = e.ParamName switch
            {
                "dropEvery" => "every",
                "warmupEpochs" => "warmup",
                "minLearningRate" => "min",
                "decayShare" => "last",
                "pctStart" => "pct",
                "divFactor" => "div",
                "finalDivFactor" => "final-div",
                var other => other ?? "a value",
            };
            string message = e.Message;
            int from = message.IndexOf("must be ", StringComparison.Ordinal);
            int to = message.IndexOf(". (Parameter", StringComparison.Ordinal);
            string expected = from >= 0 && to > from ? message[from..to] : "in range";
            throw new FormatException($"--schedule {name}: {key} {expected}, not {(values.TryGetValue(key, out var typed) ? typed : e.ActualValue)}.");
        }
    }

    private static float Float(Dictionary<string, string> values, string name, string key, float fallback)
    {
        if (!values.TryGetValue(key, out var text)) return fallback;
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value)) return value;
        throw new FormatException($"--schedule {name}: {key} must be a number, not '{text}'.");
    }

    private static int Int(Dictionary<string, string> values, string name, string key, int fallback)
    {
        if (!values.TryGetValue(key, out var text)) return fallback;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        throw new FormatException($"--schedule {name}: {key} must be a whole number, not '{text}'.");
    }
}
