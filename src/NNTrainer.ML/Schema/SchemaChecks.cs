namespace NNTrainer.ML;

/// <summary>
/// Finds the feature and label columns and explains, naming the column, what is wrong with them. Errors are
/// <see cref="ArgumentOutOfRangeException"/>s like ML.NET's own schema mismatches, with the parameter named
/// <c>inputSchema</c>.
/// </summary>
internal static class SchemaChecks
{
    public const string ParameterName = "inputSchema";

    /// <summary>Finds a column of a schema shape (pipeline validation before <c>Fit</c>).</summary>
    public static SchemaShape.Column Find(SchemaShape shape, string name, string role)
    {
        if (shape.FirstOrDefault(c => c.Name == name) is { Name: not null } column) return column;
        throw Missing(name, role, "the input", shape.Select(c => c.Name));
    }

    /// <summary>Finds a column of a schema.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string name, string role, string where)
    {
        if (schema.GetColumnOrNull(name) is { } column) return column;
        throw Missing(name, role, where, schema.Select(c => c.Name));
    }

    /// <summary>Checks that a column shape is a known-size vector of <see cref="float"/>.</summary>
    public static void RequireFeatures(SchemaShape.Column column)
    {
        if (column.Kind == SchemaShape.Column.VectorKind.Vector && !column.IsKey && column.ItemType == NumberDataViewType.Single) return;
        throw WrongFeatures(column.Name, Describe(column), Hint(column.Kind, column.ItemType, column.IsKey));
    }

    /// <summary>Checks that a column is a known-size vector of <see cref="float"/> and returns its size.</summary>
    public static int RequireFeatures(DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType { IsKnownSize: true, ItemType: var item } vector && item == NumberDataViewType.Single)
        {
            return vector.Size;
        }
        var kind = column.Type switch
        {
            VectorDataViewType { IsKnownSize: true } => SchemaShape.Column.VectorKind.Vector,
            VectorDataViewType => SchemaShape.Column.VectorKind.VariableVector,
            _ => SchemaShape.Column.VectorKind.Scalar,
        };
        var itemType = column.Type is VectorDataViewType v ? v.ItemType : column.Type;
        throw WrongFeatures(column.Name, $"{column.Type}", Hint(kind, itemType, itemType is KeyDataViewType));
    }

    /// <summary>Checks that an example weight column is a scalar <see cref="float"/> (ML.NET's trainers read weights as Single).</summary>
    public static void RequireWeight(SchemaShape.Column column)
    {
        if (column.Kind == SchemaShape.Column.VectorKind.Scalar && !column.IsKey && column.ItemType == NumberDataViewType.Single) return;
        throw WrongWeight(column.Name, Describe(column));
    }

    /// <summary>Checks that an example weight column is a scalar <see cref="float"/>.</summary>
    public static void RequireWeight(DataViewSchema.Column column)
    {
        if (column.Type != NumberDataViewType.Single) throw WrongWeight(column.Name, $"{column.Type}");
    }

    private static ArgumentOutOfRangeException WrongWeight(string name, string actual) => new(ParameterName,
        $"Column '{name}' is the example weight column and must be Single; it is {actual}. " +
        $"Convert it with mlContext.Transforms.Conversion.ConvertType(\"{name}\", outputKind: DataKind.Single).");

    /// <summary>
    /// Checks that the feature column of data to score fits a network trained on <paramref name="size"/> features:
    /// a vector of <see cref="float"/> of that size, or of variable size (then each row is checked when scored).
    /// </summary>
    public static DataViewSchema.Column RequireScoringFeatures(DataViewSchema schema, string name, int size)
    {
        var column = Find(schema, name, "feature column", "the data to score");
        if (column.Type is VectorDataViewType vector && vector.ItemType == NumberDataViewType.Single)
        {
            if (!vector.IsKnownSize || vector.Size == size) return column;
            throw new ArgumentOutOfRangeException(ParameterName,
                $"Column '{name}' has {vector.Size} features per row, but the neural network was trained on {size}. " +
                "Score data prepared by the same pipeline as the training data.");
        }
        throw new ArgumentOutOfRangeException(ParameterName,
            $"Column '{name}' is the feature column of the neural network and must be a vector of {size} Single values; it is {column.Type}.");
    }

    /// <summary>A readable type for a column shape, in the same words as a <see cref="DataViewType"/>'s name.</summary>
    public static string Describe(SchemaShape.Column column)
    {
        string item = column.IsKey ? $"Key<{column.ItemType}>" : column.ItemType?.ToString() ?? "?";
        return column.Kind switch
        {
            SchemaShape.Column.VectorKind.Vector => $"Vector<{item}> of known size",
            SchemaShape.Column.VectorKind.VariableVector => $"Vector<{item}> of variable size",
            _ => item,
        };
    }

    private static ArgumentOutOfRangeException WrongFeatures(string name, string actual, string hint) =>
        new(ParameterName, $"Column '{name}' is the feature column of the neural network and must be a known-size vector of Single; it is {actual}. {hint}");

    private static string Hint(SchemaShape.Column.VectorKind kind, DataViewType? itemType, bool isKey)
    {
        if (isKey) return "Turn keys into numbers first, e.g. with mlContext.Transforms.Categorical.OneHotEncoding.";
        if (itemType is TextDataViewType) return "Turn text into numbers first, e.g. with mlContext.Transforms.Text.FeaturizeText or Categorical.OneHotEncoding.";
        if (kind == SchemaShape.Column.VectorKind.VariableVector)
        {
            return "Its length varies from row to row, so the network's input size is unknown; give every row the same number of features (e.g. load the column with a fixed size).";
        }
        if (kind == SchemaShape.Column.VectorKind.Scalar) return "Gather the feature columns into one vector with mlContext.Transforms.Concatenate(\"Features\", ...).";
        return "Convert the values to Single with mlContext.Transforms.Conversion.ConvertType.";
    }

    private static ArgumentOutOfRangeException Missing(string name, string role, string where, IEnumerable<string> present)
    {
        var names = string.Join(", ", present.Distinct().Select(n => $"'{n}'"));
        return new ArgumentOutOfRangeException(ParameterName,
            $"The {role} '{name}' was not found in {where}. Columns present: {(names.Length == 0 ? "none" : names)}.");
    }
}
