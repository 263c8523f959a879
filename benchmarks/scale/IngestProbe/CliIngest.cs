using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using NNTrainer.Cli.Data;

namespace NNTrainer.Scale.IngestProbe;

/// <summary>
/// The CLI's own ingest, as <c>nntrainer train</c> runs it up to the float matrix the network trains on: read the
/// file with type inference into typed columns (<see cref="CsvTable.Load"/>), choose the features, fit the feature
/// pipeline and write the features of the training and held-out rows (<see cref="PreparedData.FromProblem"/>).
/// Prints one JSON line with the CPU and wall seconds of each stage, so the benchmark can set it beside NumPy's loadtxt.
/// </summary>
internal static class CliIngest
{
    public static void Run(string path, string label)
    {
        var process = Process.GetCurrentProcess();
        var stages = new List<object>();
        var wall = Stopwatch.StartNew();
        TimeSpan cpu = process.TotalProcessorTime, lastCpu = cpu;
        double lastWall = 0;
        void Stage(string name)
        {
            process.Refresh();
            var nowCpu = process.TotalProcessorTime;
            double nowWall = wall.Elapsed.TotalSeconds;
            stages.Add(new { stage = name, cpu_s = Math.Round((nowCpu - lastCpu).TotalSeconds, 3), wall_s = Math.Round(nowWall - lastWall, 3) });
            (lastCpu, lastWall) = (nowCpu, nowWall);
        }

        var table = CsvTable.Load(path);
        Stage("read + type inference + typed columns");
        var problem = TabularProblem.Create(table, label, null, new HashSet<string>());
        Stage("features and task");
        // INGEST_DETAIL=1 repeats PreparedData.FromRows step by step first, to see which step the time goes to.
        if (Environment.GetEnvironmentVariable("INGEST_DETAIL") == "1")
        {
            var ml0 = new MLContext(0);
            var (tr, te) = HoldOutSplit.Random(table.RowCount, 0.2, 0);
            var raw = TableDataView.Create(table, problem.Schema, labelRequired: false, tr);
            var caps = CategoryCap.Choose(table, problem.Schema, tr);
            Stage("detail: split + caps");
            var fz = NNTrainer.Cli.Models.FeaturePipeline.Fit(ml0, problem.Schema, caps, table, tr, raw)!;
            Stage("detail: fit from column statistics");
            var map = NNTrainer.Cli.Models.FeatureMap.TryCreate(ml0, fz, raw.Schema, problem.Schema)!;
            Stage("detail: map");
            map.Matches(fz, table, problem.Schema, tr, 256);
            Stage("detail: matches");
            var f = new float[tr.Length * map.Width];
            map.Write(table, tr, 0, tr.Length, f);
            Stage("detail: write train");
            FeatureDataView.Labels(table, problem.Schema, tr);
            Stage("detail: labels");
        }
        var data = PreparedData.FromProblem(new MLContext(0), problem, 0.2, 0, path);
        Stage("fit feature pipeline + float32 matrices");
        process.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            rows = table.RowCount,
            train_rows = data.TrainRows,
            test_rows = data.TestRows,
            cpu_s = Math.Round((process.TotalProcessorTime - cpu).TotalSeconds, 3),
            wall_s = Math.Round(wall.Elapsed.TotalSeconds, 3),
            stages,
        }));
        GC.KeepAlive(data);
    }
}
