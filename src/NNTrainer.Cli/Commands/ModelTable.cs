namespace NNTrainer.Cli.Commands;

/// <summary>
/// A table opened for a saved model (<see cref="SavedModelInput.Open"/>): the model's schema with the markers the file
/// is read with, the block reader, and the model's scorer. Disposing it closes the file.
/// </summary>
internal sealed record ModelTable(ModelSchema Schema, CsvBlockReader Reader, BlockScorer Scorer) : IDisposable
{
    public void Dispose() => Reader.Dispose();
}
