using NNTrainer.Cli.Running;

namespace NNTrainer.Cli.Data;

/// <summary>
/// A problem split into training and held-out rows, with the feature pipeline fitted on the training rows only.
/// Every trainer of a comparison sees exactly these featurized rows.
/// </summary>
internal sealed class PreparedData
{
    /// <summary>Rows on which the fast featurization is checked against ML.NET's before it is trusted.</summary>
    internal const int CheckedRows = 256;

    public required string Description { get; init; }

    public required ModelSchema Schema { get; init; }

    /// <summary>The fitted feature pipeline: raw CSV columns → <c>Label</c>, <c>Features</c>; null for built-in vector data.</summary>
    public ITransformer? Featurizer { get; init; }

    /// <summary>The schema of the raw rows the featurizer reads (saved with the model).</summary>
    public DataViewSchema? RawSchema { get; init; }

    private IDataView? _train, _test;

    public required IDataView Train
    {
        get => _train ?? throw new InvalidOperationException("The featurized rows were released (ReleaseRows).");
        init => _train = value;
    }

    public required IDataView Test
    {
        get => _test ?? throw new InvalidOperationException("The featurized rows were released (ReleaseRows).");
        init => _test = value;
    }

    public required long TrainRows { get; init; }

    public required long TestRows { get; init; }

    /// <summary>The raw held-out rows, for 2-D decision-region plots; null otherwise.</summary>
    public CsvTable? TestTable { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>From <see cref="FromProblem"/>: a note naming held-out classes none of the training rows has (<see cref="HeldOutClasses"/>); null when there are none.</summary>
    public string? HeldOutClassNote { get; private set; }

    /// <summary>Whether <see cref="FromProblem"/> held out each class in its share (classification) rather than rows at random.</summary>
    public bool Stratified { get; private set; }

    /// <summary>How the held-out rows were chosen, for the report: ", stratified by class" or nothing.</summary>
    public string HowHeldOut => Stratified ? ", stratified by class" : "";

    /// <summary>
    /// Splits the rows, fits the ML.NET feature pipeline on the training rows (reading the table in place), then
    /// writes the features of both parts into contiguous float32 matrices with <see cref="FeatureMap"/> rather than
    /// through ML.NET's row-by-row cursors and cache; ML.NET's transform is the fallback when the map cannot be
    /// read or does not match it bit for bit.
    /// </summary>
    /// <param name="ml">The context.</param>
    /// <param name="problem">The rows and columns.</param>
    /// <param name="testFraction">The fraction of rows held out: stratified by class for classification (<see cref="HoldOutSplit.Stratified"/>).</param>
    /// <param name="seed">Seed of the split.</param>
    /// <param name="description">What the data is, for the report.</param>
    /// <param name="featurizer">An already fitted feature pipeline to read the rows with (a resumed model's); null fits one on the training rows.</param>
    /// <param name="weightColumn">The <c>--weight</c> column, whose values the training rows carry; null for none (the held-out rows are never weighted).</param>
    public static PreparedData FromProblem(MLContext ml, TabularProblem problem, double testFraction, int seed, string description, ITransformer? featurizer = null,
        string? weightColumn = null)
    {
        var table = problem.Table;
        var (trainRows, testRows) = problem.Schema.IsClassification
            ? HoldOutSplit.Stratified(FeatureDataView.Labels(table, problem.Schema, Enumerable.Range(0, table.RowCount).ToArray()), problem.Schema.Classes.Length, testFraction, seed)
            : HoldOutSplit.Random(table.RowCount, testFraction, seed);
        if (trainRows.Length < 2 || testRows.Length < 1)
        {
            throw new CliException($"{table.Path}: {table.RowCount} labelled rows are too few to hold out {testFraction:P0} for testing; at least a few dozen rows are needed.");
        }
        var data = FromRows(ml, problem, trainRows, testRows, description, featurizer, weightColumn);
        data.HeldOutClassNote = HeldOutClasses.Note(problem, trainRows, testRows);
        data.Stratified = problem.Schema.IsClassification;
        return data;
    }

    /// <summary>As <see cref="FromProblem"/>, on the given training and held-out rows (ascending indices), e.g. one fold of a cross-validation.</summary>
    public static PreparedData FromRows(MLContext ml, TabularProblem problem, int[] trainRows, int[] testRows, string description, ITransformer? featurizer = null,
        string? weightColumn = null)
    {
        var table = problem.Table;
        var schema = problem.Schema;
        var trainRaw = TableDataView.Create(table, schema, labelRequired: false, trainRows);
        if (featurizer is null)
        {
            var categories = CategoryCap.Choose(table, schema, trainRows);
            featurizer = FeaturePipeline.Fit(ml, schema, categories, table, trainRows, trainRaw) ?? FeaturePipeline.Create(ml, schema, categories).Fit(trainRaw);
        }
        MemoryTrace.Note("feature pipeline fitted");
        var map = FeatureMap.TryCreate(ml, featurizer, trainRaw.Schema, schema);
        IDataView train, test;
        if (map is not null && map.Matches(featurizer, table, schema, trainRows, CheckedRows))
        {
            var label = featurizer.GetOutputSchema(trainRaw.Schema)[ColumnNames.Label];
            train = FeaturizedRows(map, label, table, schema, trainRows);
            test = FeaturizedRows(map, label, table, schema, testRows);
        }
        else
        {
            train = ml.Data.Cache(featurizer.Transform(trainRaw));
            test = ml.Data.Cache(featurizer.Transform(TableDataView.Create(table, schema, labelRequired: false, testRows)));
        }
        if (weightColumn is not null) train = new WeightedDataView(train, ExampleWeights.Read(table, weightColumn, trainRows));
        MemoryTrace.Note("training and held-out features written");
        return new PreparedData
        {
            Description = description,
            Schema = schema,
            Featurizer = featurizer,
            RawSchema = trainRaw.Schema,
            Train = train,
            Test = test,
            TrainRows = trainRows.Length,
            TestRows = testRows.Length,
            TestTable = PlotMaker.CanDrawRegions(schema) ? table.SelectRows(testRows) : null,
            Notes = problem.Notes,
        };
    }

    /// <summary>
    /// Lets the one trainer that reads the training rows take their feature matrix as its own (no copy); only where
    /// no other trainer reads them afterwards.
    /// </summary>
    public void AllowHandOver() => (_train as FeatureMatrixView)?.AllowHandOver();

    /// <summary>
    /// Lets the featurized training and held-out rows go once every trainer has been measured on them, so that the
    /// final fit on all rows does not hold them beside its own matrix (the schema, featurizer and held-out table stay).
    /// </summary>
    public void ReleaseRows()
    {
        _train = null;
        _test = null;
    }

    /// <summary>The given rows as a view of their labels and their features, one [rows × width] matrix written by <paramref name="map"/>.</summary>
    internal static FeatureMatrixView FeaturizedRows(FeatureMap map, DataViewSchema.Column label, CsvTable table, ModelSchema schema, int[] rows)
    {
        var features = GC.AllocateUninitializedArray<float>(rows.Length * map.Width);
        map.Write(table, rows, 0, rows.Length, features);
        return FeatureDataView.Create(label, schema.Task, FeatureDataView.Labels(table, schema, rows), features, map.Width);
    }
}
