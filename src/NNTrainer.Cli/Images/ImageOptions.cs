using System.CommandLine.Parsing;

namespace NNTrainer.Cli.Images;

/// <summary>The options of a command whose input may be a folder of images: <c>--architecture</c>, <c>--image-size</c>, <c>--channels</c>.</summary>
internal sealed class ImageOptions(bool training) : Commands.IOptionGroup
{
    public Option<string?> Architecture { get; } = new("--architecture")
    {
        Description = "Image folders: the network, mlp, shallownet, lenet or minivggnet (default lenet); without --epochs the convolutional ones train about 2,000 weight updates (5 to 50 epochs)",
        HelpName = "NAME",
    };

    public Option<(int Width, int Height)?> Size { get; } = new("--image-size")
    {
        Description = "Image folders: resize every image to N×N or W×H pixels (default 28 for mlp and lenet, 32 for shallownet and minivggnet; predict/evaluate: checked against the model)",
        HelpName = "N|WxH",
        CustomParser = ParseSize,
    };

    public Option<int?> Channels { get; } = new("--channels")
    {
        Description = "Image folders: 1 (grey) or 3 (RGB) (default: RGB if any image is in colour, else grey; predict/evaluate: checked against the model)",
        HelpName = "1|3",
    };

    public void AddTo(Command command)
    {
        if (training) command.Add(Architecture);
        command.Add(Size);
        command.Add(Channels);
        Commands.NetworkOptions.Check(Architecture, v => v is null || ImageSettings.Architectures.Contains(v.ToLowerInvariant()), string.Join(", ", ImageSettings.Architectures));
        Commands.NetworkOptions.Check(Channels, v => v is null or 1 or 3, "1 or 3");
    }

    /// <summary>Whether any image option was given (an error with a CSV file).</summary>
    public bool AnyGiven(ParseResult result) => Given(result, Architecture) || Given(result, Size) || Given(result, Channels);

    /// <summary>The settings to train with: what was given, else the defaults (RGB if any image is in colour).</summary>
    public ImageSettings ForTraining(ParseResult result, IReadOnlyCollection<ImageFile> files)
    {
        var architecture = (result.GetValue(Architecture) ?? "lenet").ToLowerInvariant();
        int side = ImageSettings.DefaultSide(architecture);
        var (width, height) = result.GetValue(Size) ?? (side, side);
        return new ImageSettings(architecture, result.GetValue(Channels) ?? ImageChannels.Default(files), height, width);
    }

    /// <summary>Throws unless the options given agree with the model's settings; names the option and both values.</summary>
    public void CheckAgainst(ParseResult result, ImageSettings model, string modelPath)
    {
        if (result.GetValue(Size) is { } size && (size.Width != model.Width || size.Height != model.Height))
        {
            throw new CliException($"--image-size {size.Width}x{size.Height} does not match the model {modelPath}, which reads {model.Width}x{model.Height} images; leave --image-size out to use the model's.", ExitCodes.UsageError);
        }
        if (result.GetValue(Channels) is { } channels && channels != model.Channels)
        {
            throw new CliException($"--channels {channels} does not match the model {modelPath}, which reads {model.Channels}-channel images; leave --channels out to use the model's.", ExitCodes.UsageError);
        }
    }

    private static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static (int, int)? ParseSize(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        var parts = text.Split('x', 'X', '×');
        var sides = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 0).ToArray();
        if (parts.Length is not (1 or 2) || sides.Any(s => s is < 1 or > 4096))
        {
            result.AddError($"--image-size must be N or WxH with sides from 1 to 4096 (e.g. 28 or 32x24), not '{text}'.");
            return null;
        }
        return (sides[0], sides[^1]);
    }
}
