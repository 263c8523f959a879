using NNTrainer.ML;

namespace NNTrainer.Cli.Running;

/// <summary>
/// A model given to <c>train --resume</c>: its columns, its fitted feature pipeline (which reads the new file exactly as
/// it read the first one) and the network that training continues from.
/// </summary>
internal sealed record ResumedModel(string Path, ModelSchema Schema, ITransformer Featurizer, Network Network)
{
    /// <summary>The hidden layer sizes of the network, for the trainer's options (they must describe its layers).</summary>
    public int[] HiddenLayers => Network.Layers.OfType<DenseLayer>().SkipLast(1).Select(d => d.Neurons).ToArray();

    /// <summary>Reads the model and checks that the file's columns are the ones it was trained on; throws a message naming what differs.</summary>
    public static ResumedModel From(string path, LoadedModel model, ModelSchema file)
    {
        var saved = model.Schema;
        if (saved.Images is not null) throw new CliException($"{path} is an image model; --resume continues models trained on CSV files.", ExitCodes.UsageError);
        if (saved.Task != file.Task)
        {
            throw new CliException($"{path} is a {Name(saved.Task)} model, but the file's label makes a {Name(file.Task)} task (pass --task {saved.Task.ToString().ToLowerInvariant()} if the file's labels are too few to tell).");
        }
        if (saved.LabelColumn != file.LabelColumn)
        {
            throw new CliException($"{path} predicts column '{saved.LabelColumn}', not '{file.LabelColumn}'; pass --label {saved.LabelColumn}.");
        }
        var unknown = file.Classes.Except(saved.Classes, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliException($"The file's label '{file.LabelColumn}' has the class(es) {Quote(unknown)}, which {path} does not know (its classes: {Quote(saved.Classes)}); a resumed model keeps its classes.");
        }
        var missing = saved.Features.Select(f => f.Name).Except(file.Features.Select(f => f.Name)).ToArray();
        var extra = file.Features.Select(f => f.Name).Except(saved.Features.Select(f => f.Name)).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
        {
            throw new CliException($"The file's feature columns differ from the ones {path} reads:" +
                (missing.Length > 0 ? $" missing {Quote(missing)};" : "") + (extra.Length > 0 ? $" not in the model {Quote(extra)} (pass --ignore to leave them out);" : "") +
                " a resumed model reads the same columns with the same feature map.");
        }
        foreach (var feature in file.Features)
        {
            var kind = saved.Features.Single(f => f.Name == feature.Name).Kind;
            if (kind != feature.Kind)
            {
                throw new CliException($"Column '{feature.Name}' is {feature.Kind.ToString().ToLowerInvariant()} in the file but {kind.ToString().ToLowerInvariant()} in {path}.");
            }
        }
        var found = NeuralNetworkModel.FindNetwork(model.Transformer);
        return new ResumedModel(path, saved, new TransformerChain<ITransformer>(found.Preceding.ToArray()), found.Network);
    }

    private static string Name(Evaluation.TaskKind task) => task.ToString().ToLowerInvariant();

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
