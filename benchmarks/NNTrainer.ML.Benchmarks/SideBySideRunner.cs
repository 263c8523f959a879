using System.Text.Json;
using Microsoft.ML;

namespace NNTrainer.ML.Benchmarks;

/// <summary>
/// Runs every measurement once on Fashion-MNIST and prints a table; writes the figures as JSON. Wall-clock figures
/// on a shared machine are noisy: compare rows of one run, not runs.
/// </summary>
public static class SideBySideRunner
{
    public static void Run(string[] args)
    {
        int threads = Option(args, "--threads", Environment.ProcessorCount);
        int[] overheadEpochs = (args.SkipWhile(a => a != "--epochs").Skip(1).FirstOrDefault() ?? "5,10")
            .Split(',').Select(e => int.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        int repetitions = Option(args, "--repetitions", 3);
        int lightGbmIterations = Option(args, "--lightgbm-iterations", 100);
        bool freshProcesses = !args.Contains("--in-process");
        bool overhead = !args.Contains("--scoring-only"), scoring = !args.Contains("--overhead-only");
        string output = args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault() ?? Path.Combine("benchmarks", "results", "mlnet.json");

        var mlContext = new MLContext(seed: 0);
        FashionMnistData? data = null;
        FashionMnistData Data() => data ??= FashionMnistData.Load(mlContext);
        Console.WriteLine($"{threads} threads, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var overheadResults = new List<OverheadResult>();
        if (overhead)
        {
            Console.WriteLine($"\nTraining 784-128-128-10 on the 60,000 training rows: engine vs ML.NET, {repetitions} interleaved runs, " +
                (freshProcesses ? "each in a fresh process" : "in this process"));
            foreach (int epochs in overheadEpochs)
            {
                overheadResults.Add(TrainingOverhead.Measure(mlContext, Data, epochs, threads, repetitions, freshProcesses));
            }
            Console.WriteLine($"\n{"epochs",6} {"engine s",9} {"trainer s",10} {"pipeline s",11} {"trainer",9} {"pipeline",9}   {"outside the training steps: engine / trainer / pipeline",-58} {"same weights",12}");
            foreach (var r in overheadResults)
            {
                Console.WriteLine($"{r.Epochs,6} {r.Median(TrainingRoute.Engine),9:F2} {r.Median(TrainingRoute.Trainer),10:F2} {r.Median(TrainingRoute.Pipeline),11:F2} " +
                    $"{r.Overhead(TrainingRoute.Trainer),9:+0.0%;-0.0%} {r.Overhead(TrainingRoute.Pipeline),9:+0.0%;-0.0%}   " +
                    $"{r.MedianOutsideLoop(TrainingRoute.Engine),8:F2} s / {r.MedianOutsideLoop(TrainingRoute.Trainer),5:F2} s / {r.MedianOutsideLoop(TrainingRoute.Pipeline),5:F2} s{"",33} {r.SameWeights,12}");
            }
        }

        var scoringResults = new List<object>();
        IReadOnlyDictionary<string, double>? trainSeconds = null;
        if (scoring)
        {
            int epochs = overheadEpochs[0];
            Console.WriteLine($"\nTraining the models to score (the network for {epochs} epochs, LightGbm for {lightGbmIterations} iterations)");
            var models = TrainedModels.Train(mlContext, Data(), neuralNetworkEpochs: epochs, lightGbmIterations, threads);
            trainSeconds = models.TrainSeconds;
            Console.WriteLine($"\nScoring the 10,000 test images");
            Console.WriteLine($"{"model",-46} {"Transform rows/s",17} {"Predict p50 µs",15} {"Predict p99 µs",15} {"Predict mean µs",16}");
            foreach (var (name, model) in models.Models)
            {
                double rowsPerSecond = ScoringMeasurements.TransformRowsPerSecond(model, Data().Test, repetitions);
                var (p50, p99, mean) = ScoringMeasurements.PredictLatencyMicroseconds(mlContext, model, Data().TestRows, warmup: 1000);
                Console.WriteLine($"{name,-46} {rowsPerSecond,17:N0} {p50,15:F1} {p99,15:F1} {mean,16:F1}");
                scoringResults.Add(new { model = name, transform_rows_per_s = rowsPerSecond, predict_p50_us = p50, predict_p99_us = p99, predict_mean_us = mean });
            }
        }

        var result = new
        {
            machine = new { cores = Environment.ProcessorCount, threads, dotnet = Environment.Version.ToString(), load_average_at_end = LoadAverage() },
            lightgbm_iterations = lightGbmIterations,
            training_overhead = overheadResults.Select(r => new
            {
                network = "784-128-128-10 ReLU/softmax, Adam 0.001, batch 128, 60,000 rows",
                engine_route = "copy the rows' float[] features into a new Matrix, then Network.Fit",
                trainer_route = "NeuralNetwork trainer Fit on LoadFromEnumerable of the rows with a key label",
                pipeline_route = "MapValueToKey(Label) + NeuralNetwork trainer Fit on LoadFromEnumerable of the rows",
                epochs = r.Epochs,
                fresh_process_per_run = r.FreshProcess,
                runs = r.Runs.Select(t => new { route = t.Route.ToString(), seconds = t.Seconds, training_steps_s = t.LoopSeconds, weights_hash = t.WeightsHash.ToString("x16") }),
                median_engine_s = r.Median(TrainingRoute.Engine),
                median_trainer_s = r.Median(TrainingRoute.Trainer),
                median_pipeline_s = r.Median(TrainingRoute.Pipeline),
                median_outside_steps_s = new { engine = r.MedianOutsideLoop(TrainingRoute.Engine), trainer = r.MedianOutsideLoop(TrainingRoute.Trainer), pipeline = r.MedianOutsideLoop(TrainingRoute.Pipeline) },
                trainer_overhead = r.Overhead(TrainingRoute.Trainer),
                pipeline_overhead = r.Overhead(TrainingRoute.Pipeline),
                same_weights = r.SameWeights,
            }),
            train_seconds = trainSeconds,
            scoring = scoringResults,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"\nwrote {output}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
