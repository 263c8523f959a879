using BenchmarkDotNet.Running;
using NNTrainer.ML.Benchmarks;

// dotnet run -c Release --project benchmarks/NNTrainer.ML.Benchmarks                  the side-by-side runner (table + JSON)
// dotnet run -c Release --project benchmarks/NNTrainer.ML.Benchmarks -- bdn [options] BenchmarkDotNet's scoring benchmarks
// Options of the runner: --epochs 5,10  --repetitions 3  --threads N  --in-process  --overhead-only  --scoring-only  --output FILE
if (TrainingOverhead.TryRunChild(args))
{
    return;
}
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args[1..]);
}
else
{
    SideBySideRunner.Run(args);
}
