using NNTrainer.ML;

namespace NNTrainer.Cli.Models;

/// <summary>
/// Scores a block of rows at a time. For a neural network after the tool's own feature pipeline, the block's features
/// are written into one float32 matrix (<see cref="FeatureMap"/>) and go through the engine's batch kernels
/// (<see cref="Predictor"/>); any other model is scored through ML.NET's <c>Transform</c>. The fast path is taken only
/// when, on the first block, its features are ML.NET's bit for bit and its classes and scores are ML.NET's (scores
/// within <see cref="ScoredBlock.Tolerance"/>: a batch kernel may sum in another order than the one-row kernel).
/// </summary>
internal sealed class BlockScorer
{
    private readonly LoadedModel _model;
    private readonly FeatureMap? _map;
    private readonly Predictor? _predictor;
    private readonly int _logitLayer;
    private float[] _features = [];
    private bool _checked;
    private bool _fast;

    public BlockScorer(MLContext ml, LoadedModel model)
    {
        _model = model;
        if (model.InputSchema is null) return;
        try
        {
            var found = NeuralNetworkModel.FindNetwork(model.Transformer);
            if (found.Following.Count > 0) return;
            var featurizer = new TransformerChain<ITransformer>(found.Preceding.ToArray());
            _map = FeatureMap.TryCreate(ml, featurizer, model.InputSchema, model.Schema);
            if (_map is null || _map.Width != found.Network.InputSize) { _map = null; return; }
            _predictor = found.Network.CreatePredictor();
            _logitLayer = found.Network.Layers.Count - 2;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            _map = null;
        }
    }

    /// <summary>Values per row in <see cref="ScoredBlock.Scores"/>: the classes (multiclass) or 1.</summary>
    public int ScoreWidth => _model.Schema.Task == TaskKind.Multiclass ? _model.Schema.Classes.Length : 1;

    /// <summary>Whether the model gives a calibrated <c>Probability</c> (binary), besides its raw <c>Score</c>.</summary>
    public bool HasProbability => _model.InputSchema is { } input && _model.Transformer.GetOutputSchema(input).GetColumnOrNull(ColumnNames.Probability) is not null;

    /// <summary>Whether blocks go through the engine's batch kernels (known after the first block).</summary>
    public bool IsFast => _fast;

    /// <summary>Scores every row of <paramref name="block"/> into <paramref name="result"/>.</summary>
    public void Score(CsvTable block, ScoredBlock result)
    {
        result.Reset(block.RowCount, ScoreWidth);
        if (!_checked)
        {
            _checked = true;
            if (_map is not null)
            {
                var reference = new ScoredBlock();
                reference.Reset(block.RowCount, ScoreWidth);
                ScoreWithMlNet(block, reference);
                ScoreFast(block, result);
                _fast = reference.CloseTo(result);
                if (_fast) return;
            }
        }
        if (_fast) ScoreFast(block, result);
        else ScoreWithMlNet(block, result);
    }

    private void ScoreFast(CsvTable block, ScoredBlock result)
    {
        int rows = block.RowCount, width = _map!.Width;
        if (_features.Length < rows * width) _features = new float[rows * width];
        _map.Write(block, null, 0, rows, _features);
        var outputs = _predictor!.Predict(new Matrix(rows, width, _features)).AsSpan();
        var task = _model.Schema.Task;
        if (task == TaskKind.Binary)
        {
            var logits = _predictor.LayerOutput(_logitLayer);
            for (int r = 0; r < rows; r++)
            {
                result.Scores[r] = outputs[r];
                result.RawScores[r] = logits[r];
                result.Classes[r] = logits[r] > 0f ? 1 : 0;
            }
            return;
        }
        outputs[..(rows * result.Width)].CopyTo(result.Scores);
        if (task == TaskKind.Multiclass)
        {
            for (int r = 0; r < rows; r++) result.Classes[r] = (int)NetworkScorerArgMax(result.Scores.AsSpan(r * result.Width, result.Width));
        }
    }

    private void ScoreWithMlNet(CsvTable block, ScoredBlock result)
    {
        var scored = ScoredColumns.Read(_model.Score(TableDataView.Create(block, _model.Schema, labelRequired: false)), _model.Schema.Task);
        for (int r = 0; r < block.RowCount; r++)
        {
            scored.Scores[r].CopyTo(result.Scores.AsSpan(r * result.Width, result.Width));
            if (_model.Schema.Task != TaskKind.Regression) result.Classes[r] = scored.PredictedClasses[r];
            if (_model.Schema.Task == TaskKind.Binary) result.RawScores[r] = scored.RawScores[r];
        }
    }

    /// <summary>The first index of the highest score, as ScoredColumns and ML.NET's multiclass evaluator count it.</summary>
    private static int NetworkScorerArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best]) best = i;
        }
        return best;
    }
}

/// <summary>The scores of one block: per row a class index (classification) and <see cref="Width"/> score values.</summary>
internal sealed class ScoredBlock
{
    public int Rows { get; private set; }

    public int Width { get; private set; }

    /// <summary>Per row: class scores (multiclass), the positive class's probability (binary), the prediction (regression).</summary>
    public float[] Scores { get; private set; } = [];

    /// <summary>Per row: the predicted class index from 0; 0 for regression.</summary>
    public int[] Classes { get; private set; } = [];

    /// <summary>Binary: per row the raw score (the network's logit). Not used for the other tasks.</summary>
    public float[] RawScores { get; private set; } = [];

    public void Reset(int rows, int width)
    {
        Rows = rows;
        Width = width;
        if (Scores.Length < rows * width) Scores = new float[rows * width];
        if (Classes.Length < rows) Classes = new int[rows];
        if (RawScores.Length < rows) RawScores = new float[rows];
        RawScores.AsSpan(0, rows).Clear();
        Classes.AsSpan(0, rows).Clear();
    }

    /// <summary>Largest difference allowed between two scorings' values, relative to the value (absolute below 1).</summary>
    public const float Tolerance = 1e-5f;

    /// <summary>Same shape, same classes, and every score within <see cref="Tolerance"/>.</summary>
    public bool CloseTo(ScoredBlock other) =>
        Rows == other.Rows && Width == other.Width
        && Classes.AsSpan(0, Rows).SequenceEqual(other.Classes.AsSpan(0, Rows))
        && Close(Scores.AsSpan(0, Rows * Width), other.Scores.AsSpan(0, Rows * Width))
        && Close(RawScores.AsSpan(0, Rows), other.RawScores.AsSpan(0, Rows));

    private static bool Close(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!(MathF.Abs(a[i] - b[i]) <= Tolerance * MathF.Max(1f, MathF.Abs(a[i])))) return false;
        }
        return true;
    }
}
