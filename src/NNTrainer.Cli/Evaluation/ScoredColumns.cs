namespace NNTrainer.Cli.Evaluation;

/// <summary>A scored data view's outputs, read into arrays.</summary>
internal sealed class ScoredColumns
{
    /// <summary>The predicted class index (from 0): arg-max class (multiclass) or 1 for the positive class (binary). Empty for regression.</summary>
    public int[] PredictedClasses { get; private init; } = [];

    /// <summary>Per row: class scores (multiclass), the probability of the positive class (binary), the prediction (regression).</summary>
    public float[][] Scores { get; private init; } = [];

    /// <summary>Binary: per row the raw <c>Score</c> (the logit for the network), which AUC ranks by. Empty otherwise.</summary>
    public float[] RawScores { get; private init; } = [];

    public static ScoredColumns Read(IDataView scored, TaskKind task)
    {
        var classes = new List<int>();
        var scores = new List<float[]>();
        var raw = new List<float>();
        var schema = scored.Schema;
        switch (task)
        {
            case TaskKind.Multiclass:
            {
                // The class is the arg-max of Score, the one ML.NET's multiclass evaluator counts; every trainer's
                // PredictedLabel agrees with it (a test checks the network's after a reload).
                using var cursor = scored.GetRowCursor([schema[ColumnNames.Score]]);
                var score = cursor.GetGetter<VBuffer<float>>(schema[ColumnNames.Score]);
                var buffer = default(VBuffer<float>);
                while (cursor.MoveNext())
                {
                    score(ref buffer);
                    var values = buffer.DenseValues().ToArray();
                    classes.Add(ArgMax(values));
                    scores.Add(values);
                }
                break;
            }
            case TaskKind.Binary:
            {
                var probabilityColumn = schema.GetColumnOrNull(ColumnNames.Probability) ?? schema[ColumnNames.Score];
                using var cursor = scored.GetRowCursor([schema[ColumnNames.PredictedLabel], probabilityColumn, schema[ColumnNames.Score]]);
                var label = cursor.GetGetter<bool>(schema[ColumnNames.PredictedLabel]);
                var probability = cursor.GetGetter<float>(probabilityColumn);
                var score = cursor.GetGetter<float>(schema[ColumnNames.Score]);
                bool flag = false;
                float p = 0, s = 0;
                while (cursor.MoveNext())
                {
                    label(ref flag);
                    probability(ref p);
                    score(ref s);
                    classes.Add(flag ? 1 : 0);
                    scores.Add([p]);
                    raw.Add(s);
                }
                break;
            }
            default:
            {
                using var cursor = scored.GetRowCursor([schema[ColumnNames.Score]]);
                var score = cursor.GetGetter<float>(schema[ColumnNames.Score]);
                float v = 0;
                while (cursor.MoveNext())
                {
                    score(ref v);
                    scores.Add([v]);
                }
                break;
            }
        }
        return new ScoredColumns { PredictedClasses = classes.ToArray(), Scores = scores.ToArray(), RawScores = raw.ToArray() };
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }
}
