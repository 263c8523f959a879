namespace NNTrainer.Cli.Models;

/// <summary>
/// What a model needs from a CSV file and how to read its outputs; saved inside the model zip so that
/// <c>evaluate</c> and <c>predict</c> read new files exactly as <c>train</c> read the training file.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="LabelColumn">The CSV column holding the target.</param>
/// <param name="Classes">Multiclass: the class names in key order. Binary: the negative then the positive class. Regression: empty.</param>
/// <param name="Features">The CSV columns used as features.</param>
/// <param name="Trainer">The trainer's name.</param>
internal sealed record ModelSchema(TaskKind Task, string LabelColumn, string[] Classes, FeatureColumn[] Features, string Trainer)
{
    /// <summary>Names ML.NET's pipeline writes to, so a feature column may not use them.</summary>
    public static readonly string[] ReservedNames = ["Label", "Features", "Score", "Probability", "PredictedLabel", ColumnNames.PredictedValue];

    /// <summary>For a model trained on a folder of images: its architecture and image shape; null for a CSV model.</summary>
    public Images.ImageSettings? Images { get; init; }

    /// <summary>
    /// The values <c>train</c> read as missing (<c>--missing-values</c>), which <c>evaluate</c> and <c>predict</c> read
    /// new files with; null for none, and left out of the saved schema then, so a model trained without the option
    /// saves the same schema as before it existed (and one saved before loads as null).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public MissingValues? MissingValues { get; init; }

    /// <summary>
    /// One-hot slots at most per category column (<c>--max-categories</c>); null for the default,
    /// <see cref="Data.CategoryCap.MaxCategories"/>, and left out of the saved schema then, so a model trained without
    /// the option saves the same schema as before it existed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxCategories { get; init; }

    /// <summary>
    /// The model a small classification table's choice took (<c>--select-model</c>; <see cref="NNTrainer.ML.NeuralNetworkModelSelection"/>):
    /// the candidate's name in lower case, <c>configured</c> for the network or <c>uncentredlinear</c> for the linear model
    /// with SDCA's prior; null when no choice was made, and left out of the saved schema then, so such a model saves the
    /// same schema as before the choice was recorded (and one saved before loads as null).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ModelChoice { get; init; }

    /// <summary>A sentence for <c>evaluate</c> saying which model a recorded choice took; null when none was made (not saved: it follows from <see cref="ModelChoice"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ModelChoiceNote => ModelChoice switch
    {
        null => null,
        "configured" => $"{Trainer}: the network, which the model choice kept over a linear model (--select-model).",
        "uncentredlinear" => $"{Trainer}: a linear model with ML.NET SDCA's prior (uncentred features, penalised bias), which the model choice took over the network (--select-model).",
        var other => $"{Trainer}: the model choice took its '{other}' candidate (--select-model).",
    };

    public ModelSchema WithTrainer(string trainer) => this with { Trainer = trainer };

    public bool IsClassification => Task != TaskKind.Regression;

    public int FeatureCount(ColumnKind kind) => Features.Count(f => f.Kind == kind);
}

/// <summary>Column names of the tool's pipelines.</summary>
internal static class ColumnNames
{
    public const string Label = "Label";
    public const string Features = "Features";
    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";

    /// <summary>The predicted class mapped back from its key to the class name.</summary>
    public const string PredictedValue = "PredictedLabelValue";
    public const string Numeric = "__Numeric";
    public const string CategoricalPrefix = "__OneHot_";
    public const string TextPrefix = "__Text_";
}
