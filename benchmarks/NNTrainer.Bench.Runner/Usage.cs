namespace NNTrainer.Bench.Runner;

/// <summary>The runner's help: one line per command, printed for <c>--help</c>, <c>-h</c>, <c>-?</c> or no command.</summary>
internal static class Usage
{
    private static readonly (string Command, string Line)[] Lines =
    [
        ("fmnist", "fmnist  --threads N [--epochs 10] [--seed 0] [--optimizer adam|adamw] [--schedule none|cosine] [--tag NAME] [--results DIR]"),
        ("cnn", "cnn     --arch shallownet|lenet|minivggnet --threads N [--epochs 10] [--seed 0] [--tag NAME] [--results DIR]"),
        ("cnn-profile", "cnn-profile --arch A --threads N [--batches 40]        time per layer and conv GFLOP/s"),
        ("spiral", "spiral  --threads N [--samples 100] [--epochs 10000] [--data DIR] [--warm] [--tag NAME] [--results DIR]"),
        ("gemm", "gemm    --threads N [--results DIR]                      GFLOP/s of the MLP's GEMM shapes and 1024²"),
        ("report", "report  --results DIR [--anchors DIR] [--out FILE]       one table + summary JSON from all result files"),
        ("init-study", "init-study [--seeds 16] [--first-seed 0] [--variants a,b] FMNIST-MLP accuracy per seed under standard initialisations"),
    ];

    /// <summary>Whether <paramref name="command"/> is one the runner knows.</summary>
    public static bool IsCommand(string command) => Lines.Any(l => l.Command == command);

    /// <summary>The usage of <paramref name="command"/>, or of every command when it is not one of them.</summary>
    public static string For(string command)
    {
        var lines = IsCommand(command) ? Lines.Where(l => l.Command == command) : Lines;
        return "usage: NNTrainer.Bench.Runner " + string.Join(Environment.NewLine + "       NNTrainer.Bench.Runner ", lines.Select(l => l.Line))
            + Environment.NewLine + "Side-by-side benchmark runner for NNTrainer's workloads (benchmarks/README.md, benchmarks/run.sh).";
    }
}
