using NNTrainer.ML;

namespace NNTrainer.Cli.Images;

/// <summary>The neural network on image pixels: the command line's network settings plus <c>--architecture</c> and the image shape.</summary>
internal sealed class ImageNetworkTrainer(ImageSettings settings, ImageProgress progress) : TrainerEntry
{
    public override string Alias => "nn";

    public override string NameFor(TaskKind task) => settings.Architecture switch
    {
        "shallownet" => "ShallowNet",
        "lenet" => "LeNet",
        "minivggnet" => "MiniVGGNet",
        _ => "NeuralNetwork",
    };

    public override bool HasEpochs => true;

    // The reporter leaves the lines to ImageProgress (a line each, with its seconds) and moves the terminal's bar.
    public override bool PrintsEpochLines => true;

    public override bool Supports(TaskKind task) => task == TaskKind.Multiclass;

    public override TrainedModel Fit(TrainingRequest request)
    {
        var options = NeuralNetworkTrainer.Configure(new NeuralNetworkMulticlassTrainer.Options(), request);
        options.Architecture = settings.Architecture switch
        {
            "shallownet" => NeuralNetworkArchitecture.ShallowNet,
            "lenet" => NeuralNetworkArchitecture.LeNet,
            "minivggnet" => NeuralNetworkArchitecture.MiniVGGNet,
            _ => NeuralNetworkArchitecture.MultiLayerPerceptron,
        };
        options.ImageShape = settings.Shape;
        options.EpochEnded += progress.OnEpochEnded;
        try
        {
            var transformer = request.Ml.MulticlassClassification.Trainers.NeuralNetwork(options).Fit(request.Train);
            return new TrainedModel(transformer, transformer.History);
        }
        catch (TrainingDivergedException e)
        {
            throw new CliException($"The neural network diverged ({e.Message}); try a smaller --learning-rate.");
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "options.ImageShape")
        {
            // Too small for the architecture's layers: say it in the command line's terms.
            throw new CliException($"--image-size {settings.Width}x{settings.Height}: {e.Message}", ExitCodes.UsageError);
        }
    }
}
