using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// Keeps, per labelled row, only what ML.NET's evaluators read (the label, the score or scores, the predicted class),
/// so evaluate holds a few floats a row instead of the file (13 bytes a row for a binary model), in chunks that are
/// never copied; then presents them in place as a scored data view.
/// </summary>
internal sealed class ScoreCollector(ModelSchema schema, int width)
{
    private readonly ChunkedList<float> _labels = new();
    private readonly ChunkedList<float> _scores = new();
    private readonly ChunkedList<float> _raw = new();
    private readonly ChunkedList<int> _multiclass = new();
    private readonly ChunkedList<bool> _positive = new();

    public int Count => _labels.Count;

    /// <summary>Adds the rows of a block that have a label; returns how many had none.</summary>
    public int Add(CsvTable block, ScoredBlock scored)
    {
        var label = block.Require(schema.LabelColumn, "the label the model was trained to predict");
        var index = schema.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        int skipped = 0;
        for (int r = 0; r < block.RowCount; r++)
        {
            if (label.IsMissing(r)) { skipped++; continue; }
            if (schema.Task == TaskKind.Regression)
            {
                _labels.Add(label.Numbers![r]);
            }
            else
            {
                var text = label.Texts![r]!;
                if (!index.TryGetValue(text, out int k))
                {
                    throw new CliException($"{block.Path} {block.Locator.Describe(block.LineNumbers[r])}: label '{text}' is not one of the model's classes ({string.Join(", ", schema.Classes)}).");
                }
                _labels.Add(k);
                if (schema.Task == TaskKind.Binary) _positive.Add(scored.Classes[r] != 0);
                else _multiclass.Add(scored.Classes[r]);
            }
            for (int j = 0; j < width; j++) _scores.Add(scored.Scores[r * width + j]);
            if (schema.Task == TaskKind.Binary) _raw.Add(scored.RawScores[r]);
        }
        return skipped;
    }

    /// <summary>The rows as ML.NET's evaluators expect them: Label, Score (and Probability, PredictedLabel).</summary>
    public IDataView ToDataView(bool hasProbability)
    {
        var labels = _labels;
        var scores = _scores;
        var classes = _multiclass;
        var columns = new List<ColumnarDataView.Column>();
        switch (schema.Task)
        {
            case TaskKind.Multiclass:
                var key = new KeyDataViewType(typeof(uint), schema.Classes.Length);
                columns.Add(new(ColumnNames.Label, key, ColumnarDataView.Getter(r => (uint)labels[r] + 1)));
                columns.Add(new(ColumnNames.Score, new VectorDataViewType(NumberDataViewType.Single, width), row => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> d) =>
                {
                    var editor = VBufferEditor.Create(ref d, width);
                    scores.CopyTo(row() * width, editor.Values);
                    d = editor.Commit();
                })));
                columns.Add(new(ColumnNames.PredictedLabel, key, ColumnarDataView.Getter(r => (uint)classes[r] + 1)));
                break;
            case TaskKind.Binary:
                var raw = _raw;
                var positive = _positive;
                columns.Add(new(ColumnNames.Label, BooleanDataViewType.Instance, ColumnarDataView.Getter(r => labels[r] != 0)));
                columns.Add(new(ColumnNames.Score, NumberDataViewType.Single, ColumnarDataView.Getter(r => raw[r])));
                if (hasProbability) columns.Add(new(ColumnNames.Probability, NumberDataViewType.Single, ColumnarDataView.Getter(r => scores[r])));
                columns.Add(new(ColumnNames.PredictedLabel, BooleanDataViewType.Instance, ColumnarDataView.Getter(r => positive[r])));
                break;
            default:
                columns.Add(new(ColumnNames.Label, NumberDataViewType.Single, ColumnarDataView.Getter(r => labels[r])));
                columns.Add(new(ColumnNames.Score, NumberDataViewType.Single, ColumnarDataView.Getter(r => scores[r])));
                break;
        }
        return new ColumnarDataView(columns, labels.Count);
    }
}
