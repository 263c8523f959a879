using BenchmarkDotNet.Running;
using NNTrainer.Benchmarks;

// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --filter '*Gemm*'   (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --alloc              (zero-allocation check)
// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --cnn-phases --arch lenet --threads 1 [--batches B]  (an epoch's phases)
// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --dense-gemm [--rows R --inputs I --neurons N]  (a dense layer's three products)
// dotnet run -c Release --project benchmarks/NNTrainer.Benchmarks -- --winograd-products  (LeNet conv 2's Winograd products, GEMM vs WinogradProducts)
if (args.Contains("--alloc")) return AllocationCheck.Run();
if (args.Contains("--cnn-phases")) return CnnPhases.Run(args);
if (args.Contains("--dense-gemm")) return DenseGemmTiming.Run(args);
if (args.Contains("--winograd-products")) return ProductsTiming.Run();
BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
return 0;
