using NNTrainer.Cli.Output;

namespace NNTrainer.Cli.Tests.Output;

public sealed class PhaseTimesTests
{
    [Fact]
    public void PhasesAreListedInFirstChargedOrderAndRepeatedLapsAddUp()
    {
        var times = new PhaseTimes();
        times.Lap("read");
        times.Lap("score");
        times.Lap("read");
        Assert.Equal(["startup", "read", "score"], times.WallSeconds().Select(p => p.Key));
        Assert.Equal(["startup", "read", "score"], times.CpuSeconds().Select(p => p.Key));
        Assert.All(times.CpuSeconds(), p => Assert.True(p.Value!.GetValue<double>() >= 0));
        Assert.True(times.WallSeconds()["startup"]!.GetValue<double>() > 0);
    }
}
