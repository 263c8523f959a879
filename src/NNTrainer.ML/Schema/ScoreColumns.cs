namespace NNTrainer.ML;

/// <summary>Builds the output columns a trained transformer adds, with the annotations stock trainers put on them.</summary>
internal static class ScoreColumns
{
    /// <summary>A column carrying the score-column annotations (which task, which kind of value).</summary>
    public static DataViewSchema.DetachedColumn Create(string name, DataViewType type, string task, string valueKind,
        Action<DataViewSchema.Annotations.Builder>? more = null)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        more?.Invoke(builder);
        AddText(builder, AnnotationKinds.ScoreColumnKind, task);
        AddText(builder, AnnotationKinds.ScoreValueKind, valueKind);
        return new DataViewSchema.DetachedColumn(name, type, builder.ToAnnotations());
    }

    private static void AddText(DataViewSchema.Annotations.Builder builder, string kind, string value)
    {
        var text = value.AsMemory();
        builder.Add(kind, TextDataViewType.Instance, (ref ReadOnlyMemory<char> destination) => destination = text);
    }
}
