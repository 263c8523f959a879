namespace NNTrainer.ML;

/// <summary>
/// An <see cref="Microsoft.ML.IDataView"/> whose feature column is already one contiguous float32 matrix, [rows ×
/// width], which it may hand to the trainer as the trainer's own training matrix instead of being copied row by row
/// (<see cref="TrainingSetReader"/>): the CLI's featurised rows, read by one trainer, save the trainer's copy of them.
/// The trainer standardises that matrix in place, so a view hands it over at most once and only when nothing reads
/// the view afterwards.
/// </summary>
internal interface IFeatureMatrixSource
{
    /// <summary>The matrix of <paramref name="column"/>, row after row, when the view hands it over; null otherwise.</summary>
    /// <param name="column">The feature column the trainer reads.</param>
    /// <param name="width">Values per row the trainer expects.</param>
    /// <returns>The matrix, to be owned (and overwritten) by the caller from now on; the view's own values are then undefined.</returns>
    float[]? TakeFeatures(string column, int width);
}
