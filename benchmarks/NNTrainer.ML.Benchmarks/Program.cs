using BenchmarkDotNet.Running;
using NNTrainer.ML.Benchmarks;

// dotnet run -c Release --project benchmarks/NNTrainer.ML.Benchmarks                  the side-by-side runner (table + JSON)
// dotnet run -c Release --project benchmarks/NNTrainer.ML.Benchmarks -- bdn [options] BenchmarkDotNet's scoring benchmarks
// dotnet run -c Release --project benchmarks/NNTrainer.ML.Benchmarks -- scoring [--repetitions 15] [--epochs 2] [--hidden 128,128] [--results DIR]
//     scoring side by side at 1 thread: raw ONNX Runtime, engine batch prediction, Transform, ApplyOnnxModel, PredictionEngine
// Options of the runner: --epochs 5,10  --repetitions 3  --threads N  --in-process  --overhead-only  --scoring-only  --output FILE
if (TrainingOverhead.TryRunChild(args))
{
    return;
}
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args[1..]);
}
else if (args.Length > 0 && args[0] == "scoring")
{
    ScoringComparison.Run(args[1..]);
}
else
{
    SideBySideRunner.Run(args);
}
