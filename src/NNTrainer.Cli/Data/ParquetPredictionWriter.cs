using Parquet;
using Parquet.Schema;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Writes <c>predict</c>'s output as Parquet: the input columns (with their Parquet types when the input was Parquet,
/// as text when it was CSV) followed by the prediction columns — the predicted class as text and the probabilities
/// as float32, or the predicted value as float32 for regression. Rows are buffered into row groups of
/// <see cref="GroupRows"/>, so memory is bounded whatever the number of rows.
/// </summary>
internal sealed class ParquetPredictionWriter : IDisposable
{
    public const int GroupRows = 65_536;

    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly ParquetOutputColumn[] _inputs;
    private readonly StringOutputColumn? _predictedClass;
    private readonly ParsedColumn<float>[] _scores;
    private readonly string[] _classes;
    private bool _closed;

    public ParquetPredictionWriter(Stream stream, string[] header, DataField[]? inputFields, ModelSchema schema, string[] predictionColumns)
    {
        _stream = stream;
        _classes = schema.Classes.ToArray();
        _inputs = header.Select((name, c) => ParquetOutputColumn.For(name, inputFields?[c], GroupRows)).ToArray();
        int first = 0;
        if (schema.Task != TaskKind.Regression) _predictedClass = new StringOutputColumn(predictionColumns[first++], GroupRows);
        _scores = predictionColumns.Skip(first).Select(name => new ParsedColumn<float>(name, GroupRows)).ToArray();
        var fields = _inputs.Select(c => c.Field).Concat(_predictedClass is null ? [] : [_predictedClass.Field]).Concat(_scores.Select(s => s.Field));
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(fields.Cast<Field>().ToArray()), stream).GetAwaiter().GetResult();
    }

    /// <summary>Appends the rows of the block just read (its fields kept by the reader) with their scores.</summary>
    public void Add(CsvBlockReader reader, ScoredBlock scored)
    {
        for (int r = 0; r < scored.Rows; r++)
        {
            for (int c = 0; c < _inputs.Length; c++) _inputs[c].AddText(reader.RowField(r, c));
            _predictedClass?.Add(_classes[scored.Classes[r]]);
            for (int k = 0; k < _scores.Length; k++) _scores[k].Add(scored.Scores[r * scored.Width + k]);
            if (_scores[0].Count == GroupRows) Flush();
        }
    }

    /// <summary>Writes the last row group and the file's footer.</summary>
    public void Finish()
    {
        Flush();
        Dispose();
        _stream.Flush();
    }

    private void Flush()
    {
        if (_scores[0].Count == 0) return;
        using var group = _writer.CreateRowGroup();
        foreach (var column in _inputs) column.WriteAsync(group).GetAwaiter().GetResult();
        _predictedClass?.WriteAsync(group).GetAwaiter().GetResult();
        foreach (var column in _scores) column.WriteAsync(group).GetAwaiter().GetResult();
        group.CompleteValidate();
    }

    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
