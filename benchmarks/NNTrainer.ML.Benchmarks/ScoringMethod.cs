using System.Diagnostics;
using Microsoft.ML;

namespace NNTrainer.ML.Benchmarks;

/// <summary>One way of scoring all test rows, timed pass by pass.</summary>
public sealed class ScoringMethod(string name, int? batchSize, Action scoreAll)
{
    private readonly List<double> _rowsPerSecond = [];
    private readonly List<double> _rowsPerCpuSecond = [];

    public string Name { get; } = name;

    /// <summary>Rows per call, or null for ML.NET's cursor routes (one row per getter call).</summary>
    public int? BatchSize { get; } = batchSize;

    public IReadOnlyList<double> RowsPerSecond => _rowsPerSecond;

    /// <summary>Rows per second of the calling thread's CPU time, pass by pass (NaN where <see cref="CpuClock"/> is not available).</summary>
    public IReadOnlyList<double> RowsPerCpuSecond => _rowsPerCpuSecond;

    /// <summary>The median of <see cref="RowsPerCpuSecond"/>.</summary>
    public double MedianCpu => _rowsPerCpuSecond.Order().ToList()[_rowsPerCpuSecond.Count / 2];

    /// <summary>Bytes the calling thread allocated during one pass, after warm-up.</summary>
    public long BytesPerPass { get; private set; }

    public double Median => Sorted()[_rowsPerSecond.Count / 2];

    public double Best => Sorted()[^1];

    public double Worst => Sorted()[0];

    public void Warm()
    {
        scoreAll();
        scoreAll();
    }

    public void TimePass(int rows)
    {
        double cpu = CpuClock.ThreadSeconds();
        long start = Stopwatch.GetTimestamp();
        scoreAll();
        _rowsPerSecond.Add(rows / Stopwatch.GetElapsedTime(start).TotalSeconds);
        _rowsPerCpuSecond.Add(rows / (CpuClock.ThreadSeconds() - cpu));
    }

    public void CountAllocations()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        scoreAll();
        BytesPerPass = GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private List<double> Sorted() => _rowsPerSecond.Order().ToList();
}

/// <summary>
/// PredictionEngine latency of one model, measured in rounds with one engine that is never disposed: disposing a
/// PredictionEngine disposes a disposable transformer such as ApplyOnnxModel's, which later rounds still use.
/// </summary>
public sealed class LatencyMethod(string name, ITransformer model)
{
    private readonly List<(double P50, double P99, double Mean)> _rounds = [];
    private PredictionEngine<ImageRow, ScorePrediction>? _engine;

    public string Name { get; } = name;

    public double P50 => _rounds.Select(r => r.P50).Order().ElementAt(_rounds.Count / 2);

    public double P99 => _rounds.Select(r => r.P99).Order().ElementAt(_rounds.Count / 2);

    public double Mean => _rounds.Select(r => r.Mean).Order().ElementAt(_rounds.Count / 2);

    public IReadOnlyList<(double P50, double P99, double Mean)> Rounds => _rounds;

    /// <summary>Times one prediction per row, after 1,000 untimed ones.</summary>
    public void Round(MLContext ml, IReadOnlyList<ImageRow> rows)
    {
        _engine ??= ml.Model.CreatePredictionEngine<ImageRow, ScorePrediction>(model);
        var prediction = new ScorePrediction();
        for (int i = 0; i < 1000; i++) _engine.Predict(rows[i % rows.Count], ref prediction);
        var micros = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            _engine.Predict(rows[i], ref prediction);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(micros);
        _rounds.Add((micros[micros.Length / 2], micros[Math.Min(micros.Length - 1, (int)(0.99 * micros.Length))], micros.Average()));
    }
}
