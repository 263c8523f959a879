namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>
/// How many cases a fuzz test runs and from which seed: CI's defaults, or the environment's
/// (tools/fuzz-models.sh sets NNTRAINER_FUZZ_CASES, NNTRAINER_ZIP_FUZZ_CASES and NNTRAINER_FUZZ_SEED for long runs).
/// </summary>
public static class FuzzSettings
{
    public static int Cases(string variable, int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out int n) && n > 0 ? n : ciDefault;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("NNTRAINER_FUZZ_SEED"), out int s) ? s : 20261124;

    /// <summary>How long one case may take before it counts as a hang: generous for a busy 2-core machine, where a case takes milliseconds.</summary>
    public static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Runs one case on a worker and fails, naming the case, if it has not finished within <see cref="CaseLimit"/>:
    /// a hang detector, not a timing check. The hung worker is left behind; the test fails at once instead of never.
    /// </summary>
    public static void WithinCaseHangGuard(string where, Action body, TimeSpan? limit = null)
    {
        var wait = limit ?? CaseLimit;
        var work = Task.Run(body);
        if (Task.WaitAny([work], wait) < 0) throw new TimeoutException($"{where} did not finish in {wait.TotalSeconds:0.#} s: it hangs.");
        work.GetAwaiter().GetResult();
    }
}
