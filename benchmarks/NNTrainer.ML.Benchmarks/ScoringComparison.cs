using System.Diagnostics;
using Google.Protobuf;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;
using NNTrainer.Onnx;

namespace NNTrainer.ML.Benchmarks;

/// <summary>
/// Scoring side by side at 1 thread on the Fashion-MNIST MLP (784-128-128-10) and the 10,000 test images: raw ONNX
/// Runtime on the exported network, the engine's <see cref="Predictor"/> and <c>Network.Predict</c> into a reused
/// buffer, our <c>Transform</c> (fitted and reloaded from .zip), ML.NET's <c>ApplyOnnxModel</c>, and
/// <c>PredictionEngine</c> latency for ours and for ONNX through ML.NET. Passes of all methods are interleaved, so
/// a busy neighbour slows every method alike; figures are medians over the passes.
/// </summary>
public static class ScoringComparison
{
    public static void Run(string[] args)
    {
        int repetitions = Option(args, "--repetitions", 15);
        int epochs = Option(args, "--epochs", 2);
        // --hidden 100 measures the ML.NET trainers' default network (784-100-10) instead.
        int at = Array.IndexOf(args, "--hidden");
        int[] hidden = at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [128, 128];
        string results = args.SkipWhile(a => a != "--results").Skip(1).FirstOrDefault() ?? Path.Combine("benchmarks", "results");
        Console.WriteLine($"1 thread, {Environment.ProcessorCount} cores, load average {ScoringReport.LoadAverage()}");

        var ml = new MLContext(seed: 0);
        var data = FashionMnistData.Load(ml);
        var clock = Stopwatch.StartNew();
        // The hidden layers are set: the trainer's default (one layer of 100 since the shared defaults) is not the
        // 784-128-128-10 MLP this comparison is about.
        var fitted = ml.MulticlassClassification.Trainers.NeuralNetwork(
            new NeuralNetworkMulticlassTrainer.Options { HiddenLayers = hidden, NumberOfEpochs = epochs, NumberOfThreads = 1 }).Fit(data.TrainKeyed);
        string shape = $"784-{string.Concat(hidden.Select(h => $"{h}-"))}10";
        Console.WriteLine($"trained {shape} for {epochs} epochs in {clock.Elapsed.TotalSeconds:F1} s");
        var network = fitted.Network;
        Console.WriteLine($"network: {string.Join(", ", network.Layers.Select(l => l is NNTrainer.Layers.DenseLayer d ? $"Dense {d.InputSize}x{d.Neurons}" : l.GetType().Name))}");
        var reloaded = Reload(ml, fitted, data.TrainKeyed.Schema);
        byte[] onnx = network.ToOnnx(new NetworkOnnxOptions { InputName = "Features", OutputName = "Score", PredictedLabelName = null }).ToByteArray();
        string onnxPath = Path.Combine(Path.GetTempPath(), $"nntrainer-scoring-{Environment.ProcessId}.onnx");
        File.WriteAllBytes(onnxPath, onnx);
        var applyOnnx = ml.Transforms.ApplyOnnxModel(new OnnxOptions
        {
            ModelFile = onnxPath,
            InputColumns = ["Features"],
            OutputColumns = ["Score"],
            InterOpNumThreads = 1,
            IntraOpNumThreads = 1,
        }).Fit(data.Test);

        var test = data.TestImages;
        int rows = test.Rows;
        var outputs = new Matrix(rows, network.OutputSize);
        var ortOutputs = new float[rows * network.OutputSize];
        using var ort64 = new RawOnnxRuntime(onnx, test.Data, network.InputSize, ortOutputs, network.OutputSize, 64, "Features", "Score");
        using var ort1024 = new RawOnnxRuntime(onnx, test.Data, network.InputSize, ortOutputs, network.OutputSize, 1024, "Features", "Score");
        var predictor = network.CreatePredictor();
        var batches64 = Batches(test, 64, network.OutputSize);
        var batches256 = Batches(test, 256, network.OutputSize);
        var batches1024 = Batches(test, 1024, network.OutputSize);
        var fittedView = fitted.Transform(data.Test);
        var reloadedView = reloaded.Transform(data.Test);
        var restoredView = reloaded.WithBlockScoring().Transform(data.Test);
        var onnxView = applyOnnx.Transform(data.Test);

        var methods = new List<ScoringMethod>
        {
            new("ONNX Runtime (raw, exported model)", 64, ort64.ScoreAll),
            new("ONNX Runtime (raw, exported model)", 1024, ort1024.ScoreAll),
            new("engine Predictor, reused", 64, () => PredictBatches(predictor, batches64)),
            new("engine Predictor, reused", 256, () => PredictBatches(predictor, batches256)),
            new("engine Predictor, reused", 1024, () => PredictBatches(predictor, batches1024)),
            new("Network.Predict into a reused buffer", 64, () => network.Predict(test, outputs, batchSize: 64)),
            new("Network.Predict into a reused buffer", 1024, () => network.Predict(test, outputs, batchSize: 1024)),
            new("Network.Predict, new output matrix per call", 1024, () => network.Predict(test, batchSize: 1024)),
            new("ML.NET Transform, ours (fitted)", null, () => ReadScores(fittedView)),
            new("ours row by row (the row-to-row mapper over a cursor: Transform's route before blocks)", null, () => ReadScoresRowByRow(fitted, data.Test)),
            new("ML.NET Transform, ours (reloaded from .zip)", null, () => ReadScores(reloadedView)),
            new("ML.NET Transform, ours (reloaded from .zip, then WithBlockScoring())", null, () => ReadScores(restoredView)),
            new("ML.NET ApplyOnnxModel (exported model)", null, () => ReadScores(onnxView)),
            new("reading Features alone from the input view (no scoring: the input's own cost)", null, () => ReadFeatures(data.Test)),
        };
        Console.WriteLine($"\nScoring the {rows:N0} test images: {repetitions} interleaved passes of every method (after 2 untimed)");
        foreach (var method in methods) method.Warm();
        for (int r = 0; r < repetitions; r++)
        {
            foreach (var method in methods) method.TimePass(rows);
        }
        foreach (var method in methods) method.CountAllocations();

        Console.WriteLine("PredictionEngine latency: 3 interleaved rounds of 10,000 single predictions (after 1,000 untimed)");
        var engines = new List<LatencyMethod>
        {
            new("PredictionEngine, ours (fitted)", fitted),
            new("PredictionEngine, ours (reloaded from .zip)", reloaded),
            new("PredictionEngine, ApplyOnnxModel (ONNX Runtime through ML.NET)", applyOnnx),
        };
        for (int round = 0; round < 3; round++)
        {
            foreach (var engine in engines) engine.Round(ml, data.TestRows);
        }
        File.Delete(onnxPath);

        network.Predict(test, outputs);
        var checks = new ScoringChecks(
            TransformMatchesPredict: SameBits(fittedView, outputs) && SameBits(reloadedView, outputs) && SameBits(restoredView, outputs),
            OnnxMaxAbsDifference: MaxAbsDifference(ortOutputs, outputs.Data),
            TestAccuracy: network.PredictClasses(test).Zip(data.TestLabels).Count(p => p.First == p.Second) / (double)rows,
            Network: shape);
        ScoringReport.Write(results, methods, engines, checks, repetitions, epochs);
    }

    private static ITransformer Reload(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        stream.Position = 0;
        return ml.Model.Load(stream, out _);
    }

    private static List<(Matrix Inputs, Matrix Outputs)> Batches(Matrix data, int batchSize, int outputSize)
    {
        var batches = new List<(Matrix, Matrix)>();
        for (int start = 0; start < data.Rows; start += batchSize)
        {
            int count = Math.Min(batchSize, data.Rows - start);
            batches.Add((data.Slice(start, count), new Matrix(count, outputSize)));
        }
        return batches;
    }

    private static void PredictBatches(Predictor predictor, List<(Matrix Inputs, Matrix Outputs)> batches)
    {
        foreach (var (inputs, outputs) in batches) predictor.Predict(inputs, outputs);
    }

    private static void ReadScores(IDataView scored)
    {
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var score = default(VBuffer<float>);
        while (cursor.MoveNext()) getter(ref score);
    }

    private static void ReadScoresRowByRow(ITransformer model, IDataView input)
    {
        var mapper = model.GetRowToRowMapper(input.Schema);
        var column = mapper.OutputSchema["Score"];
        using var cursor = input.GetRowCursor(mapper.GetDependencies([column]));
        var row = mapper.GetRow(cursor, [column]);
        var getter = row.GetGetter<VBuffer<float>>(column);
        var score = default(VBuffer<float>);
        while (cursor.MoveNext()) getter(ref score);
    }

    private static void ReadFeatures(IDataView input)
    {
        var column = input.Schema["Features"];
        using var cursor = input.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var features = default(VBuffer<float>);
        while (cursor.MoveNext()) getter(ref features);
    }

    private static bool SameBits(IDataView scored, Matrix expected)
    {
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var score = default(VBuffer<float>);
        int row = 0;
        while (cursor.MoveNext())
        {
            getter(ref score);
            if (!score.DenseValues().SequenceEqual(expected.Row(row++).ToArray())) return false;
        }
        return row == expected.Rows;
    }

    private static double MaxAbsDifference(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second));

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}

/// <summary>Checks of the run: our routes agree bit for bit, ONNX Runtime agrees to rounding, the model is trained.</summary>
public sealed record ScoringChecks(bool TransformMatchesPredict, double OnnxMaxAbsDifference, double TestAccuracy, string Network);
