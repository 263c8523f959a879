using System.Reflection;

namespace NNTrainer.ML;

/// <summary>
/// The <see cref="TrainerInfo"/> the three neural-network trainers report: normalised features needed, no
/// calibration, no caching (training reads the data view once, or twice when it cannot count its rows, into one
/// float32 matrix and makes every epoch's pass over that matrix, so an ML.NET cache in front of it would only hold a
/// second copy), a validation set supported (<c>Fit(trainData, validationData)</c>), and incremental training (<c>Fit(trainData, modelParameters)</c>).
/// </summary>
/// <remarks>
/// <see cref="TrainerInfo"/>'s constructor is internal to ML.NET (its stock trainers create it; only
/// <see cref="TrainerInfo.NeedNormalization"/> and <see cref="TrainerInfo.WantCaching"/> are public), so it is called
/// here by reflection, once. No stock trainer's info has the same answers to borrow instead, so if a future ML.NET
/// changes that constructor, <see cref="Instance"/> throws a message saying so; a test checks every field.
/// </remarks>
internal static class NeuralNetworkTrainerInfo
{
    private static readonly Lazy<TrainerInfo> Lazy = new(Create);

    /// <summary>The shared, immutable info.</summary>
    public static TrainerInfo Instance => Lazy.Value;

    private static TrainerInfo Create()
    {
        // (normalization, calibration, caching, supportValid, supportIncrementalTrain, supportTest), as in ML.NET 5 and 6.
        var constructor = typeof(TrainerInfo).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
            [typeof(bool), typeof(bool), typeof(bool), typeof(bool), typeof(bool), typeof(bool)]);
        if (constructor is null)
        {
            throw new NotSupportedException(
                $"This version of ML.NET ({typeof(TrainerInfo).Assembly.GetName().Version}) has no TrainerInfo constructor of the form NNTrainer.ML was built for; " +
                "the neural-network trainers train and score, but cannot report their Info.");
        }
        return (TrainerInfo)constructor.Invoke([true, false, false, true, true, false]);
    }
}
