namespace NNTrainer.Bench.Runner;

/// <summary>The command line: a command followed by <c>--name value</c> pairs and <c>--flag</c> switches.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string Command { get; private init; } = "";

    /// <summary>Whether help was asked for (<c>--help</c>, <c>-h</c> or <c>-?</c> anywhere): print the usage and run nothing.</summary>
    public bool Help { get; private set; }

    public static Options Parse(string[] args)
    {
        bool helpFirst = args.Length > 0 && IsHelp(args[0]);
        var options = new Options { Command = args.Length > 0 && !helpFirst ? args[0] : "", Help = helpFirst };
        for (int i = 1; i < args.Length; i++)
        {
            if (IsHelp(args[i]))
            {
                options.Help = true;
                continue;
            }
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            string name = args[i][2..];
            bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options._values[name] = hasValue ? args[++i] : "true";
        }
        return options;
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?";

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public bool Flag(string name) => _values.ContainsKey(name);

    public string ResultsDirectory => String("results") ?? Path.Combine(AppContext.BaseDirectory, "results");
}
