namespace NNTrainer.Cli.Trainers;

/// <summary>The neural network's hyper-parameters, as given on the command line.</summary>
internal sealed record NetworkSettings
{
    public int[] HiddenLayers { get; init; } = [64, 64];

    public string Activation { get; init; } = "relu";

    public int Epochs { get; init; } = 100;

    public int BatchSize { get; init; } = 32;

    public float LearningRate { get; init; } = 0.005f;

    public string Optimizer { get; init; } = "adam";

    public float Dropout { get; init; }

    public float L2 { get; init; }

    public int Seed { get; init; }

    public int Threads { get; init; } = 1;

    public double ValidationFraction { get; init; } = 0.1;

    public int Patience { get; init; } = 20;

    /// <summary>AdamW's decoupled weight decay (ignored by the other optimizers).</summary>
    public float WeightDecay { get; init; } = 0.01f;

    /// <summary>Nesterov momentum for SGD.</summary>
    public bool Nesterov { get; init; }

    /// <summary>The <c>--schedule</c> text (<see cref="Commands.ScheduleSpec"/>), already checked.</summary>
    public string Schedule { get; init; } = "none";

    /// <summary>The global gradient norm to clip to; 0 is off.</summary>
    public float ClipNorm { get; init; }

    /// <summary>Label smoothing for classification; 0 is off.</summary>
    public float LabelSmoothing { get; init; }
}
