namespace NNTrainer.Hardening.Tests.Fuzzing;

public sealed class FuzzSettingsTests
{
    [Fact]
    public void The_case_hang_guard_names_a_case_that_never_finishes()
    {
        using var never = new ManualResetEventSlim();
        try
        {
            var error = Assert.Throws<TimeoutException>(() =>
                FuzzSettings.WithinCaseHangGuard("case 7 (seed 1, binary)", never.Wait, TimeSpan.FromMilliseconds(50)));

            Assert.Equal("case 7 (seed 1, binary) did not finish in 0.1 s: it hangs.", error.Message);
        }
        finally
        {
            never.Set();
        }
    }

    [Fact]
    public void The_case_hang_guard_passes_on_a_cases_own_exception()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FuzzSettings.WithinCaseHangGuard("case 1", () => throw new InvalidOperationException("boom")));

        Assert.Equal("boom", error.Message);
    }
}
