namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// Evaluate's metrics, updated block by block as the scores come out of the <see cref="BlockScorer"/>: nothing is
/// kept per row beyond the first million binary scores (for exact AUC), so memory stays flat in the row count.
/// Every figure is the one ML.NET's evaluator gives on the same scores (the parity tests hold them to 1e-6).
/// </summary>
internal sealed class StreamingEvaluator
{
    private readonly ModelSchema _schema;
    private readonly bool _hasProbability;
    private readonly bool _flipped;
    private readonly Dictionary<string, int> _classIndex;
    private readonly StreamingMulticlassMetrics? _multiclass;
    private readonly StreamingBinaryMetrics? _binary;
    private readonly StreamingRegressionMetrics? _regression;

    /// <summary>Empty metrics for <paramref name="schema"/>'s task.</summary>
    /// <param name="schema">The model's columns, task and classes.</param>
    /// <param name="hasProbability">Binary: whether the model gives a calibrated probability (else log loss is NaN, as ML.NET's uncalibrated metrics have none).</param>
    /// <param name="exactLimit">Binary: the rows up to which AUC and AUPRC are exact.</param>
    /// <param name="flipped">Binary: measure the model's negative class as the positive one (<c>evaluate --positive-class</c>): labels swapped, scores negated, probabilities 1 − p.</param>
    public StreamingEvaluator(ModelSchema schema, bool hasProbability, int exactLimit = RankingCurve.DefaultExactLimit, bool flipped = false)
    {
        _flipped = flipped;
        _schema = schema;
        _hasProbability = hasProbability;
        _classIndex = schema.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        switch (schema.Task)
        {
            case TaskKind.Multiclass: _multiclass = new StreamingMulticlassMetrics(schema.Classes.Length); break;
            case TaskKind.Binary: _binary = new StreamingBinaryMetrics(exactLimit); break;
            default: _regression = new StreamingRegressionMetrics(); break;
        }
    }

    /// <summary>Labelled rows seen, those left out for a bad score included.</summary>
    public long Count { get; private set; }

    /// <summary>Labelled rows left out of the metrics because a score was NaN (or, for classification, infinite), as ML.NET leaves them out.</summary>
    public long BadScores => _multiclass?.BadScores ?? _binary?.BadScores ?? _regression!.BadScores;

    /// <summary>The binary ranking (for the AUC's exactness); null for the other tasks.</summary>
    public RankingCurve? Ranking => _binary?.Ranking;

    /// <summary>Adds the rows of a block that have a label; returns how many had none.</summary>
    public int Add(CsvTable block, ScoredBlock scored)
    {
        var label = block.Require(_schema.LabelColumn, "the label the model was trained to predict");
        int skipped = 0, width = scored.Width;
        for (int r = 0; r < block.RowCount; r++)
        {
            if (label.IsMissing(r)) { skipped++; continue; }
            Count++;
            if (_regression is not null)
            {
                _regression.Add(label.Numbers![r], scored.Scores[r]);
                continue;
            }
            var text = label.Texts![r]!;
            if (!_classIndex.TryGetValue(text, out int k))
            {
                throw new CliException($"{block.Path} {block.Locator.Describe(block.LineNumbers[r])}: label '{text}' is not one of the model's classes ({string.Join(", ", _schema.Classes)}).");
            }
            if (_binary is not null) AddBinary(k != 0, scored.RawScores[r], _hasProbability ? scored.Scores[r] : float.NaN);
            else _multiclass!.Add(k, scored.Scores.AsSpan(r * width, width));
        }
        return skipped;
    }

    private void AddBinary(bool positive, float score, float probability)
    {
        if (_flipped) _binary!.Add(!positive, -score, 1 - probability);
        else _binary!.Add(positive, score, probability);
    }

    /// <summary>The task's metrics in the order and under the names the tables and JSON have always used.</summary>
    public MetricSet Metrics()
    {
        if (_multiclass is { } m) return MetricSet.Multiclass(m.MicroAccuracy, m.MacroAccuracy, m.LogLoss);
        if (_binary is { } b) return MetricSet.Binary(b.Auc, b.Accuracy, b.F1, _hasProbability ? b.LogLoss : double.NaN);
        var r = _regression!;
        return MetricSet.Regression(r.RSquared, r.RootMeanSquaredError, r.MeanAbsoluteError);
    }
}
