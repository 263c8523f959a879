using System.Diagnostics;

namespace NNTrainer.Benchmarks;

/// <summary>
/// <c>--cnn-phases</c>: one training epoch of a book network taken apart into the phases <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/>
/// runs for every batch (gathering the shuffled batch, the forward pass with the loss and accuracy, the backward pass, the
/// optimizer's updates), the first batch (compilation and buffer allocation) apart, and the test-set evaluation that the
/// <c>cnn</c> workload of <c>NNTrainer.Bench.Runner</c> runs after each epoch, with wall-clock and process CPU time for each:
/// where an epoch goes beyond the layers that the runner's <c>cnn-profile</c> times. It lives here, not in the runner,
/// because it drives the training loop's internal objects, which only tests and benchmarks may see.
/// </summary>
/// <remarks>
/// The phases are the training loop's own objects (<see cref="MatrixBatchFeed"/>, the step <see cref="TrainingStepSelector"/>
/// picks, the network's optimizer); only the order differs from <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/>, which
/// updates each layer's parameters as soon as its backward pass is done: here the backward pass runs whole, then the updates,
/// so that each can be timed.
/// </remarks>
internal static class CnnPhases
{
    private static readonly string[] Names = ["first batch (all phases)", "shuffle", "gather batch", "forward + loss/accuracy", "backward", "optimizer update"];

    /// <summary>Runs the breakdown; <paramref name="args"/> may hold <c>--arch A --threads N --epochs E --batches B --seed S</c>.</summary>
    public static int Run(string[] args)
    {
        string arch = Argument(args, "--arch", "lenet").ToLowerInvariant();
        int threads = int.Parse(Argument(args, "--threads", "1"));
        int epochs = int.Parse(Argument(args, "--epochs", "1"));
        int limit = int.Parse(Argument(args, "--batches", $"{int.MaxValue}")); // batches per epoch after the first, for quick comparisons
        var (trainImages, trainLabels, testImages, testLabels) = FashionMnist.Load();
        var network = arch switch
        {
            "shallownet" => Architectures.ShallowNet(FashionMnist.ImageShape, 10, int.Parse(Argument(args, "--seed", "0"))),
            "lenet" => Architectures.LeNet(FashionMnist.ImageShape, 10, int.Parse(Argument(args, "--seed", "0"))),
            "minivggnet" => Architectures.MiniVGGNet(FashionMnist.ImageShape, 10, int.Parse(Argument(args, "--seed", "0"))),
            _ => throw new ArgumentException($"--arch must be shallownet, lenet or minivggnet; got '{arch}'."),
        };
        network.NumberOfThreads = threads;
        network.Set(new CategoricalCrossEntropyLoss(), Architectures.BookOptimizer(arch));
        network.Build();
        var targets = Matrix.FromLabels(trainLabels);
        network.Accuracy!.Initialize(targets);
        var optimizer = network.Optimizer!;
        optimizer.NumberOfThreads = threads;
        int[] indices = [.. Enumerable.Range(0, trainImages.Rows)];
        var feed = new MatrixBatchFeed(trainImages, targets, indices, 128, null, threads);
        var step = TrainingStepSelector.Select(network, TrainingExecution.Auto, targets.Columns, true, true, true);
        var parameters = network.Parameters.ToArray();
        var batch = new TrainingBatch { Threads = threads, FactorBuffer = [] };
        var clock = new Stopwatch();
        var wall = new double[Names.Length];
        var cpu = new double[Names.Length];
        double evaluationWall = 0, evaluationCpu = 0, epochWall = 0, epochCpu = 0;
        int batches = 0;

        double jitFirst = 0;
        long jitFirstMethods = 0;
        var jitStart = System.Runtime.JitInfo.GetCompilationTime();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            double epochStart = CpuClock.ProcessSeconds();
            Time(1, () => feed.StartEpoch(true, network.Random));
            for (bool first = epoch == 1; batches < limit * epoch; first = false)
            {
                double firstCpu = CpuClock.ProcessSeconds();
                long firstStart = Stopwatch.GetTimestamp();
                var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
                long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                if (!Timed(first ? -1 : 2, () => feed.Next(batch))) break;
                batch.KernelTargets = batch.Targets;
                Time(first ? -1 : 3, () => step.Forward(batch));
                Time(first ? -1 : 4, () => step.BackwardAndUpdate(batch, null));
                Time(first ? -1 : 5, () =>
                {
                    optimizer.PreUpdate();
                    foreach (var parameter in parameters) optimizer.Update(parameter);
                    optimizer.PostUpdate();
                });
                if (first)
                {
                    wall[0] += Stopwatch.GetElapsedTime(firstStart).TotalSeconds;
                    cpu[0] += CpuClock.ProcessSeconds() - firstCpu;
                    jitFirst = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds;
                    jitFirstMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
                }
                else
                {
                    batches++;
                }
            }
            epochWall += epochClock.Elapsed.TotalSeconds;
            epochCpu += CpuClock.ProcessSeconds() - epochStart;
            double evaluationStart = CpuClock.ProcessSeconds();
            clock.Restart();
            double accuracy = network.Evaluate(testImages, testLabels).Accuracy;
            evaluationWall += clock.Elapsed.TotalSeconds;
            evaluationCpu += CpuClock.ProcessSeconds() - evaluationStart;
            Console.WriteLine($"epoch {epoch}: test accuracy {accuracy:F4}");
        }

        Console.WriteLine($"{arch}, {threads} thread(s), {epochs} epoch(s) of {batches / epochs} batches after the first, step {step.Name}; per epoch, wall s / CPU s (CPU counts both threads):");
        // JIT time on every thread (the runtime's own count): in the first batch, and over the whole run (tiering's later
        // recompilations run on a background thread, inside the epoch's CPU time).
        Console.WriteLine($"  JIT: first batch {jitFirst:F3} s ({jitFirstMethods} methods), whole run {(System.Runtime.JitInfo.GetCompilationTime() - jitStart).TotalSeconds:F3} s");
        double layers = wall[3] + wall[4];
        for (int i = 0; i < Names.Length; i++)
        {
            string perBatch = i >= 2 ? $"  ({wall[i] / batches * 1000:F3} ms wall, {cpu[i] / batches * 1000:F3} ms CPU per batch)" : "";
            Console.WriteLine($"  {Names[i],-26} {wall[i] / epochs,8:F3} {cpu[i] / epochs,8:F3}{perBatch}");
        }
        Console.WriteLine($"  {"epoch (as cnn times it)",-26} {epochWall / epochs,8:F3} {epochCpu / epochs,8:F3}  outside forward/backward: {(epochWall - layers) / epochs:F3} s wall");
        Console.WriteLine($"  {"test evaluation (10,000)",-26} {evaluationWall / epochs,8:F3} {evaluationCpu / epochs,8:F3}  (not in the epoch time, as in cnn_torch.py)");
        return 0;

        bool Timed(int phase, Func<bool> action)
        {
            double start = CpuClock.ProcessSeconds();
            long begin = Stopwatch.GetTimestamp();
            bool result = action();
            if (phase >= 0)
            {
                wall[phase] += Stopwatch.GetElapsedTime(begin).TotalSeconds;
                cpu[phase] += CpuClock.ProcessSeconds() - start;
            }
            return result;
        }

        void Time(int phase, Action action) => Timed(phase, () => { action(); return true; });
    }

    private static string Argument(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
