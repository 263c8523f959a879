using Microsoft.ML;
using NNTrainer.Cli.Commands;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Tests.Support;
using NNTrainer.Cli.Trainers;
using NNTrainer.ML;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary><c>--optimizer adamw</c>, <c>--weight-decay</c>, <c>--nesterov</c>, <c>--schedule</c>, <c>--clip-norm</c> and <c>--label-smoothing</c>.</summary>
public sealed class TrainingTechniqueOptionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DefaultsAndGivenValues()
    {
        var (options, command) = Command();
        var defaults = options.Read(command.Parse([]));
        Assert.Equal(0.01f, defaults.WeightDecay);
        Assert.False(defaults.Nesterov);
        Assert.Equal("auto", defaults.Schedule); // the trainers' own choice: a cosine decay from 5,000 training rows (round 4)
        Assert.Equal(0f, defaults.ClipNorm);
        Assert.Equal(0f, defaults.LabelSmoothing);

        var given = options.Read(command.Parse(["--optimizer", "AdamW", "--weight-decay", "0.1", "--nesterov", "--schedule", "cosine:warmup=2", "--clip-norm", "1.5", "--label-smoothing", "0.1"]));
        Assert.Equal(NeuralNetworkOptimizer.AdamW, NeuralNetworkTrainer.ParseOptimizer(given.Optimizer));
        Assert.Equal(0.1f, given.WeightDecay);
        Assert.True(given.Nesterov);
        Assert.Equal("cosine:warmup=2", given.Schedule);
        Assert.Equal(1.5f, given.ClipNorm);
        Assert.Equal(0.1f, given.LabelSmoothing);
    }

    [Theory]
    [InlineData("--optimizer", "lion", "--optimizer must be adam, adamw, sgd, rmsprop or adagrad, not lion.")]
    [InlineData("--weight-decay", "-1", "--weight-decay must be a number ≥ 0, not -1.")]
    [InlineData("--clip-norm", "-0.5", "--clip-norm must be a number ≥ 0 (0 turns clipping off), not -0.5.")]
    [InlineData("--label-smoothing", "1", "--label-smoothing must be in [0, 1), not 1.")]
    [InlineData("--schedule", "linear", "--schedule must be none, step, exponential, cosine, onecycle or plateau (with KEY=VALUE settings after a colon), not 'linear'.")]
    [InlineData("--schedule", "cosine:warm=2", "--schedule cosine takes warmup=VALUE, min=VALUE, last=VALUE, not 'warm=2'.")]
    [InlineData("--schedule", "step:every=x", "--schedule step: every must be a whole number, not 'x'.")]
    [InlineData("--schedule", "step:factor=2", "--schedule step: factor must be in (0, 1], not 2.")]
    [InlineData("--schedule", "onecycle:pct=1", "--schedule onecycle: pct must be in (0, 1), not 1.")]
    [InlineData("--schedule", "plateau:patience=-1", "--schedule plateau: patience must be ≥ 0, not -1.")]
    public void BadValuesAreParseErrorsNamingTheOption(string option, string value, string message)
    {
        var (_, command) = Command();
        Assert.Equal(message, Assert.Single(command.Parse([option, value]).Errors).Message);
    }

    [Fact]
    public void SchedulesAreBuiltWithTheirDefaultsAndSettings()
    {
        Assert.Null(ScheduleSpec.Parse("none"));
        var step = Assert.IsType<StepDecaySchedule>(ScheduleSpec.Parse("step"));
        Assert.Equal((0.25f, 5), (step.Factor, step.DropEvery));
        step = Assert.IsType<StepDecaySchedule>(ScheduleSpec.Parse("Step: factor=0.5, every=10"));
        Assert.Equal((0.5f, 10), (step.Factor, step.DropEvery));
        Assert.Equal(0.9f, Assert.IsType<ExponentialDecaySchedule>(ScheduleSpec.Parse("exponential:gamma=0.9")).Gamma);
        var cosine = Assert.IsType<CosineSchedule>(ScheduleSpec.Parse("cosine:warmup=3,min=1e-5"));
        Assert.Equal((3, 1e-5f, 1f), (cosine.WarmupEpochs, cosine.MinLearningRate, cosine.DecayShare));
        Assert.Equal(0.1f, Assert.IsType<CosineSchedule>(ScheduleSpec.Parse("cosine:last=0.1")).DecayShare);
        Assert.Equal("--schedule cosine: last must be in (0, 1], not 0.", Assert.Throws<FormatException>(() => ScheduleSpec.Parse("cosine:last=0")).Message);
        var cycle = Assert.IsType<OneCycleSchedule>(ScheduleSpec.Parse("onecycle:pct=0.25,div=10,final-div=100"));
        Assert.Equal((0.25f, 10f, 100f), (cycle.PctStart, cycle.DivFactor, cycle.FinalDivFactor));
        var plateau = Assert.IsType<ReduceOnPlateauSchedule>(ScheduleSpec.Parse("plateau:factor=0.5,patience=3,min=1e-4,cooldown=2"));
        Assert.Equal((0.5f, 3, 1e-4f, 2), (plateau.Factor, plateau.Patience, plateau.MinLearningRate, plateau.Cooldown));
    }

    [Fact]
    public void NesterovNeedsSgd()
    {
        var request = Request(TaskKind.Binary, new NetworkSettings { Optimizer = "adam", Nesterov = true });
        var error = Assert.Throws<CliException>(() => new NeuralNetworkTrainer().Fit(request));
        Assert.Equal("--nesterov is a setting of --optimizer sgd, not adam.", error.Message);
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
    }

    [Fact]
    public void LabelSmoothingIsForClassification()
    {
        var request = Request(TaskKind.Regression, new NetworkSettings { LabelSmoothing = 0.1f });
        var error = Assert.Throws<CliException>(() => new NeuralNetworkTrainer().Fit(request));
        Assert.Equal("--label-smoothing applies to classification; this task is regression.", error.Message);
        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
    }

    [Fact]
    public void TrainWithEveryTechniqueOn()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var model = _dir.File("model.zip");
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", model, "--epochs", "20", "--hidden", "32", "--no-plots",
            "--optimizer", "adamw", "--weight-decay", "0.05", "--learning-rate", "0.01", "--schedule", "cosine:warmup=2", "--clip-norm", "1", "--label-smoothing", "0.1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(Table.Parse(result.Output));
        Assert.True(Table.Number(row, "Accuracy") >= 0.8, result.Output);
    }

    private static (NetworkOptions, System.CommandLine.Command) Command()
    {
        var options = new NetworkOptions();
        var command = new System.CommandLine.Command("t");
        options.AddTo(command);
        return (options, command);
    }

    private static TrainingRequest Request(TaskKind task, NetworkSettings settings) =>
        new(new MLContext(seed: 1), task, task == TaskKind.Regression ? 0 : 2, null!, settings, null, CancellationToken.None);
}
