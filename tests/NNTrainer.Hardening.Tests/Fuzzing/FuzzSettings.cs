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

    /// <summary>Runs <paramref name="body"/> on a worker and fails if it has not finished in <paramref name="limit"/>: a hang guard, not a timing check.</summary>
    public static void WithinHangGuard(TimeSpan limit, Action body)
    {
        var work = Task.Run(body);
        if (!work.Wait(limit)) throw new TimeoutException($"The fuzz run did not finish in {limit}: a case hangs.");
        work.GetAwaiter().GetResult();
    }
}
