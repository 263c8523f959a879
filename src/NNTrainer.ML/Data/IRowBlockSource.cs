namespace NNTrainer.ML;

/// <summary>
/// Training rows that can be read again and again, one forward pass at a time, without being held in memory:
/// a data view's cursor, a file. Streaming training reads one pass per epoch through <see cref="BlockShuffleFeed"/>.
/// </summary>
internal interface IRowBlockSource
{
    /// <summary>Values per feature row.</summary>
    int FeatureCount { get; }

    /// <summary>Starts a new pass over the rows, from the first.</summary>
    IRowBlockReader Open();
}

/// <summary>One forward pass over a <see cref="IRowBlockSource"/>.</summary>
internal interface IRowBlockReader : IDisposable
{
    /// <summary>
    /// Reads up to <paramref name="maxRows"/> rows: features into <paramref name="features"/> (row after row,
    /// <see cref="IRowBlockSource.FeatureCount"/> values each) and one target per row into <paramref name="targets"/>.
    /// </summary>
    /// <returns>The rows read; 0 at the end of the pass.</returns>
    int Read(Span<float> features, Span<float> targets, int maxRows);

    /// <summary>Rows left out so far in this pass because a value was not finite (with <c>SkipNonFiniteRows</c>).</summary>
    long SkippedRows { get; }
}
