// What a user's console program pays for its one Fit: the featuriser's fit, then the trainer's first Fit and, for
// reference, the same Fit again in the same process (no JIT left). Each phase is timed with a Stopwatch and with
// the runtime's own JIT counters (methods compiled, time spent compiling), so a probe run says how much of the
// first Fit is JIT. The table is read as every CSV of benchmarks/defaults/datasets.py is: a header row, numeric
// and categorical columns named in meta.json, the label in its own column.
//
// usage: FirstFitProbe TRAIN_CSV META_JSON nn|sdca
// prints one JSON line: {"trainer", "task", "rows", "featurise": {...}, "firstFit": {...}, "secondFit": {...},
//                        "processCpu", "processWall"}, each phase {"seconds", "cpuSeconds", "jitMethods", "jitSeconds"}.
using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

if (args.Length != 3 || (args[2] != "nn" && args[2] != "sdca"))
{
    Console.Error.WriteLine("usage: FirstFitProbe TRAIN_CSV META_JSON nn|sdca");
    return 2;
}
var meta = JsonNode.Parse(File.ReadAllText(args[1]))!;
string task = (string)meta["task"]!;
string label = (string)meta["label"]!;
string[] numeric = meta["numeric"]!.AsArray().Select(n => (string)n!).ToArray();
string[] categorical = meta["categorical"]!.AsArray().Select(n => (string)n!).ToArray();
string[] header = File.ReadLines(args[0]).First().Split(',');
bool regression = task == "regression";

var ml = new MLContext(seed: 0);
var columns = header.Select((name, i) => new TextLoader.Column(name,
    name == label ? (regression ? DataKind.Single : DataKind.String) : categorical.Contains(name) ? DataKind.String : DataKind.Single, i)).ToArray();
var data = ml.Data.LoadFromTextFile(args[0], columns, separatorChar: ',', hasHeader: true, allowQuoting: true);

var featurise = Phase(() =>
{
    IEstimator<ITransformer> pipeline = ml.Transforms.ReplaceMissingValues(numeric.Select(n => new InputOutputColumnPair(n)).ToArray());
    if (categorical.Length > 0)
        pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(categorical.Select(n => new InputOutputColumnPair(n)).ToArray()));
    pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", numeric.Concat(categorical).ToArray()))
        .Append(ml.Transforms.NormalizeMeanVariance("Features"));
    if (!regression) pipeline = pipeline.Append(ml.Transforms.Conversion.MapValueToKey("Label", label));
    else pipeline = pipeline.Append(ml.Transforms.CopyColumns("Label", label));
    // Cached, as a user would before a trainer that makes many passes; the trainers then read the same rows.
    return ml.Data.Cache(pipeline.Fit(data).Transform(data));
});
IDataView features = featurise.Result;

Func<ITransformer> fit = (args[2], regression) switch
{
    ("nn", false) => () => ml.MulticlassClassification.Trainers.NeuralNetwork().Fit(features),
    ("nn", true) => () => ml.Regression.Trainers.NeuralNetwork().Fit(features),
    ("sdca", false) => () => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy().Fit(features),
    _ => () => ml.Regression.Trainers.Sdca().Fit(features),
};
var first = Phase(fit);
var second = Phase(fit);

using var process = Process.GetCurrentProcess();
var report = new JsonObject
{
    ["trainer"] = args[2],
    ["task"] = task,
    ["rows"] = features.GetRowCount() ?? -1,
    ["featurise"] = featurise.Json,
    ["firstFit"] = first.Json,
    ["secondFit"] = second.Json,
    ["processCpu"] = process.TotalProcessorTime.TotalSeconds,
    ["processWall"] = (DateTime.Now - process.StartTime).TotalSeconds,
};
Console.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
return 0;

static (T Result, JsonObject Json) Phase<T>(Func<T> work)
{
    long methods = JitInfo.GetCompiledMethodCount();
    var jit = JitInfo.GetCompilationTime();
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    T result = work();
    double seconds = watch.Elapsed.TotalSeconds;
    process.Refresh();
    return (result, new JsonObject
    {
        ["seconds"] = seconds,
        // CPU seconds of every thread of the process: on a shared machine the wall seconds mostly measure the wait for a core.
        ["cpuSeconds"] = (process.TotalProcessorTime - cpu).TotalSeconds,
        ["jitMethods"] = JitInfo.GetCompiledMethodCount() - methods,
        ["jitSeconds"] = (JitInfo.GetCompilationTime() - jit).TotalSeconds,
    });
}
