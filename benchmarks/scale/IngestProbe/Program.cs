// Reads the 20 numeric columns (f0..f19) of a scale CSV into one float32 matrix three ways, to choose the CLI's
// reader: ML.NET's TextLoader (cursor), Sylvan.Data.Csv (GetFloat), and a hand parser over UTF-8 bytes; "cli" runs
// the CLI's own ingest up to the float matrix (CliIngest) and prints its stages as JSON.
//   dotnet run -c Release --project benchmarks/scale/IngestProbe -- big.csv [textloader|sylvan|hand|cli] [label]
using System.Buffers.Text;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Sylvan.Data.Csv;

var path = args[0];
var which = args.Length > 1 ? args[1] : "sylvan";
if (which == "cli")
{
    NNTrainer.Scale.IngestProbe.CliIngest.Run(path, args.Length > 2 ? args[2] : "label");
    return;
}
const int Columns = 20;
var watch = Stopwatch.StartNew();
long rows = which switch
{
    "textloader" => TextLoaderRead(path),
    "sylvan" => SylvanRead(path),
    "hand" => HandRead(path),
    _ => throw new ArgumentException(which),
};
Console.WriteLine($"{which}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F2} s, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

static long TextLoaderRead(string path)
{
    var ml = new MLContext();
    var view = ml.Data.LoadFromTextFile(path, [new TextLoader.Column("F", DataKind.Single, 0, Columns - 1)], separatorChar: ',', hasHeader: true);
    var data = new List<float>(1 << 20);
    using var cursor = view.GetRowCursor(view.Schema);
    var getter = cursor.GetGetter<VBuffer<float>>(view.Schema["F"]);
    var buffer = default(VBuffer<float>);
    long n = 0;
    while (cursor.MoveNext())
    {
        getter(ref buffer);
        foreach (var v in buffer.DenseValues()) data.Add(v);
        n++;
    }
    return n;
}

static long SylvanRead(string path)
{
    using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { BufferSize = 1 << 16 });
    var data = new List<float>(1 << 20);
    long n = 0;
    while (reader.Read())
    {
        for (int c = 0; c < Columns; c++) data.Add(reader.GetFloat(c));
        n++;
    }
    return n;
}

static long HandRead(string path)
{
    var bytes = File.ReadAllBytes(path);
    var data = new List<float>(1 << 20);
    int i = bytes.AsSpan().IndexOf((byte)'\n') + 1;
    long n = 0;
    while (i < bytes.Length)
    {
        for (int c = 0; c < Columns; c++)
        {
            Utf8Parser.TryParse(bytes.AsSpan(i), out float v, out int used);
            data.Add(v);
            i += used + 1;
        }
        i += bytes.AsSpan(i).IndexOf((byte)'\n') + 1;
        n++;
    }
    return n;
}
