using System.CommandLine;
using NNTrainer.Cli.Commands;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Output;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// The routine evaluate and predict open a file with: the saved model's schema with the markers the file is read with,
/// a block reader of the file, and the model's scorer.
/// </summary>
public sealed class SavedModelInputTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private static (SavedModelInput Input, ParseResult Result) Parse(params string[] args)
    {
        var input = new SavedModelInput();
        var command = new RootCommand { input.Model, input.Reading, input.MissingValues, input.Images };
        var result = command.Parse(args);
        Assert.Empty(result.Errors);
        return (input, result);
    }

    private static Reporter Quiet() => new(OutputMode.Json, TextWriter.Null, TextWriter.Null);

    [Fact]
    public void OpensTheFileWithTheModelsColumnsAndItsScorer()
    {
        var (input, result) = Parse(models.MulticlassModel, "--missing-values", "?");
        var reporter = Quiet();

        using var table = input.Open(result, reporter, models.MulticlassCsv, labelRequired: true, keepText: false);
        var (schema, reader, scorer) = table;

        Assert.Equal("species", schema.LabelColumn);
        Assert.Equal("?", Assert.Single(schema.MissingValues!.All));
        Assert.Equal("option", reporter.Json["missingValues"]!["from"]!.GetValue<string>());
        var scored = new ScoredBlock();
        while (reader.ReadBlock() is { } block) scorer.Score(block, scored);
        Assert.Equal(240, reader.Rows);
        Assert.True(scorer.IsFast);
    }

    [Fact]
    public void AMarkerForAColumnTheModelDoesNotReadIsAUsageError()
    {
        var (input, result) = Parse(models.MulticlassModel, "--missing-values", "nosuch=?");

        var error = Assert.Throws<CliException>(() => input.Open(result, Quiet(), models.MulticlassCsv, labelRequired: true, keepText: false));

        Assert.Equal(ExitCodes.UsageError, error.ExitCode);
        Assert.StartsWith("--missing-values names column 'nosuch', which the model does not read", error.Message);
    }
}
