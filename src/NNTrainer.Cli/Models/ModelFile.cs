using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using NNTrainer.ML;

namespace NNTrainer.Cli.Models;

/// <summary>
/// A model zip as written by <c>nntrainer train</c>: an ML.NET model (<c>mlContext.Model.Save</c>, loadable with
/// <c>mlContext.Model.Load</c>) plus one entry, <see cref="SchemaEntry"/>, recording which CSV columns it reads.
/// </summary>
internal static class ModelFile
{
    public const string SchemaEntry = "nntrainer/schema.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes the model next to <paramref name="path"/> and moves it into place, so a failure leaves any earlier file intact.</summary>
    public static void Save(string path, MLContext ml, ModelSchema schema, ITransformer featurizer, TrainedModel model, DataViewSchema inputSchema)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw new CliException($"Cannot save the model to {path}: folder {directory} does not exist.");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            var chain = new TransformerChain<ITransformer>(featurizer, model.Transformer);
            ml.Model.Save(chain, inputSchema, temporary);
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Update))
            {
                using var stream = zip.CreateEntry(SchemaEntry).Open();
                // The model choice is the trained model's to say; a model that made none saves the schema as before.
                var choice = model.ModelSelection?.Chosen.ToString().ToLowerInvariant();
                JsonSerializer.Serialize(stream, choice is null ? schema : schema with { ModelChoice = choice }, Json);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot save the model to {path}: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Loads through <c>LoadVerified</c>, so a damaged zip is one clear error instead of ML.NET's own load spinning
    /// forever on a corrupted length; then reads the schema entry, which also explains a zip that is not ours.
    /// </summary>
    public static LoadedModel Load(string path, MLContext ml)
    {
        if (Directory.Exists(path)) throw new CliException($"{path} is a folder; a model .zip written by 'nntrainer train' is expected.");
        if (!File.Exists(path)) throw new CliException($"Model file not found: {path}");
        ITransformer? transformer = null;
        DataViewSchema? inputSchema = null;
        Exception? mlNetError = null;
        try
        {
            transformer = ml.Model.LoadVerified(path, out inputSchema);
        }
        catch (ModelFormatException e)
        {
            throw new CliException(e.Message);
        }
        catch (Exception e) when (e is not CliException)
        {
            // An intact zip ML.NET cannot load: first say whether it is a model of ours at all.
            mlNetError = e;
        }
        var schema = ReadSchema(path);
        if (mlNetError is not null) throw new CliException($"{path}: ML.NET cannot load the model ({mlNetError.Message}).");
        return new LoadedModel(schema, transformer!, inputSchema!);
    }

    private static ModelSchema ReadSchema(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(SchemaEntry)
                ?? throw new CliException($"{path} is not a model written by 'nntrainer train' (it has no {SchemaEntry}).");
            using var stream = entry.Open();
            return JsonSerializer.Deserialize<ModelSchema>(stream, Json)
                ?? throw new CliException($"{path}: {SchemaEntry} is empty.");
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{path} is not a model file: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new CliException($"{path}: {SchemaEntry} is damaged ({e.Message}).");
        }
    }
}
