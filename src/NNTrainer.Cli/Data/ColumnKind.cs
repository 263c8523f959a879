namespace NNTrainer.Cli.Data;

/// <summary>How a CSV column is used as a feature.</summary>
internal enum ColumnKind
{
    /// <summary>Numbers (booleans read as 0/1); missing values are replaced by the training mean, then normalised.</summary>
    Numeric,

    /// <summary>Text categories, one-hot encoded; a missing value is a category of its own.</summary>
    Categorical,

    /// <summary>
    /// Free text (sentences, reviews, documents), turned into word and character n-gram counts by ML.NET's
    /// <c>FeaturizeText</c>; a missing value is an empty text. Only a feature's kind: a file's columns are read as
    /// <see cref="Numeric"/> or <see cref="Categorical"/>, and <see cref="ProseColumn"/> tells the text among the latter.
    /// </summary>
    Text,
}
