using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>Why a call to <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> ended.</summary>
public enum StopReason
{
    /// <summary>Training has not ended (still running or never started).</summary>
    None = 0,

    /// <summary>All requested epochs ran.</summary>
    Completed = 1,

    /// <summary>The monitored loss stopped improving for the patience's number of epochs.</summary>
    EarlyStopped = 2,

    /// <summary>The cancellation token was signalled.</summary>
    Cancelled = 3,

    /// <summary>The loss became NaN or infinite; the best weights seen were restored.</summary>
    Diverged = 4,
}
