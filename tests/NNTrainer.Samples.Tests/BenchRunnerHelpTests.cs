using System.Diagnostics;
using NNTrainer.Bench.Runner;

namespace NNTrainer.Samples.Tests;

/// <summary><c>NNTrainer.Bench.Runner COMMAND --help</c> prints the usage and runs nothing (it used to start the benchmark).</summary>
public class BenchRunnerHelpTests
{
    [Theory]
    [InlineData("spiral", "--help")]
    [InlineData("spiral", "-h")]
    [InlineData("fmnist", "--threads", "1", "-?")]
    [InlineData("--help")]
    public void HelpIsAskedForWhereverItStands(params string[] args) => Assert.True(Options.Parse(args).Help);

    [Fact]
    public void AFlagBeforeHelpStaysAFlag()
    {
        var options = Options.Parse(["spiral", "--warm", "--help"]);
        Assert.True(options.Help);
        Assert.True(options.Flag("warm"));
        Assert.Equal("spiral", options.Command);
    }

    [Fact]
    public void ARunIsNotHelp() => Assert.False(Options.Parse(["spiral", "--threads", "1", "--warm"]).Help);

    [Fact]
    public void TheUsageOfACommandIsItsOwnLine()
    {
        string spiral = Usage.For("spiral");
        Assert.Contains("spiral  --threads N [--samples 100]", spiral);
        Assert.DoesNotContain("fmnist", spiral);
        Assert.Contains("fmnist", Usage.For("nonsense"));
    }

    [Fact]
    public void SpiralHelpPrintsTheUsageWritesNoResultAndExitsZero()
    {
        string results = Directory.CreateTempSubdirectory("bench-runner-help").FullName;
        try
        {
            string runner = Path.Combine(AppContext.BaseDirectory, "NNTrainer.Bench.Runner.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { runner, "spiral", "--help", "--results", results }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(0, process.ExitCode);
            Assert.StartsWith("usage: NNTrainer.Bench.Runner spiral", output);
            Assert.Empty(Directory.GetFileSystemEntries(results));
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}
