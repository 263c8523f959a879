using BenchmarkDotNet.Running;
using NNTrainer.Benchmarks;

// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --filter '*Gemm*'   (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --alloc              (zero-allocation check)
// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --cnn-phases --arch lenet --threads 1 [--batches B]  (an epoch's phases)
if (args.Contains("--alloc")) return AllocationCheck.Run();
if (args.Contains("--cnn-phases")) return CnnPhases.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
return 0;
