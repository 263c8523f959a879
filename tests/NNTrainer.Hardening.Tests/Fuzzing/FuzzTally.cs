using System.Text;

namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>Counts of cases by mutation and outcome, the first message of each outcome, and every failure.</summary>
public sealed class FuzzTally
{
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _examples = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    public int Total { get; private set; }

    public void Add(string kind, string outcome, string? example = null)
    {
        Total++;
        if (!_counts.TryGetValue(kind, out var byOutcome)) _counts[kind] = byOutcome = new(StringComparer.Ordinal);
        byOutcome[outcome] = byOutcome.GetValueOrDefault(outcome) + 1;
        if (example is not null) _examples.TryAdd(outcome, example);
    }

    public void Fail(string description)
    {
        if (Failures.Count < 20) Failures.Add(description);
        else if (Failures.Count == 20) Failures.Add("…");
    }

    public IEnumerable<string> Outcomes => _counts.Values.SelectMany(o => o.Keys).Distinct().Order(StringComparer.Ordinal);

    public string Report(string title)
    {
        var text = new StringBuilder($"{title}: {Total:N0} cases, {Failures.Count} failures\n");
        var outcomes = Outcomes.ToArray();
        text.AppendLine($"| mutation | {string.Join(" | ", outcomes)} |");
        text.AppendLine($"|---|{string.Concat(outcomes.Select(_ => "---:|"))}");
        foreach (var (kind, byOutcome) in _counts)
        {
            text.AppendLine($"| {kind} | {string.Join(" | ", outcomes.Select(o => byOutcome.GetValueOrDefault(o).ToString("N0")))} |");
        }
        foreach (var (outcome, example) in _examples.OrderBy(e => e.Key, StringComparer.Ordinal)) text.AppendLine($"- {outcome}, e.g.: {example}");
        foreach (var failure in Failures) text.AppendLine($"FAILURE: {failure}");
        var reportPath = Environment.GetEnvironmentVariable("NNTRAINER_FUZZ_REPORT");
        if (!string.IsNullOrEmpty(reportPath)) File.AppendAllText(reportPath, text + "\n");
        return text.ToString();
    }
}
