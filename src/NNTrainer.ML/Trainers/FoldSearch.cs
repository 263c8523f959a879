using System.Runtime.ExceptionServices;

namespace NNTrainer.ML;

/// <summary>
/// The walk of <see cref="L2Selection"/> over its penalty grid, as a queue of fold fits that one or more threads
/// take in grid order: candidate by candidate from the strongest penalty down, fold by fold. The walk itself reads
/// only candidates whose every fold has finished, in grid order, so its choice does not depend on how many threads
/// ran the fits or in which order they finished.
/// </summary>
internal sealed class FoldSearch
{
    private readonly object _gate = new();
    private readonly float _baseL2;
    private readonly int _folds;
    private readonly float[] _factors;
    private readonly double[] _heldOut;
    private readonly bool[] _done;
    private readonly float _fallback;
    private int _next;
    private bool _stopped;
    private ExceptionDispatchInfo? _failure;

    /// <summary>A search over the options' penalty times every grid factor (<paramref name="factors"/>, ascending; the default grid when null), with <paramref name="folds"/> folds each.</summary>
    public FoldSearch(NeuralNetworkOptionsBase options, TrainingSet train, int folds, float[]? factors = null)
    {
        _factors = factors ?? NeuralNetworkDefaults.L2CrossValidationFactors;
        _baseL2 = options.L2Regularization;
        _folds = folds;
        _heldOut = new double[_factors.Length * folds];
        _done = new bool[_heldOut.Length];
        // When every candidate diverges, the fit goes on with the rule's penalty and reports its own divergence.
        _fallback = options.SmallDataL2Regularization(train.Inputs.Rows);
    }

    /// <summary>
    /// Takes fold fits from the queue and runs them with <paramref name="fit"/> (the penalty and the fold index to
    /// the held-out loss) until the walk has stopped or no fit is left. Threads may call it at the same time.
    /// </summary>
    public void Work(Func<float, int, double> fit)
    {
        while (true)
        {
            int job;
            lock (_gate)
            {
                if (_stopped || _next == _heldOut.Length) return;
                job = _next++;
                // A diverged fold already puts its candidate out of the running: the rest of its folds are not fitted.
                if (CandidateDiverged(job / _folds))
                {
                    Finish(job, double.PositiveInfinity);
                    continue;
                }
            }
            double heldOut;
            try
            {
                heldOut = fit(Penalty(job / _folds), job % _folds);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(e);
                    _stopped = true;
                }
                return;
            }
            lock (_gate) Finish(job, heldOut);
        }
    }

    /// <summary>Fold fits in the queue: the grid's candidates times the folds.</summary>
    public int Jobs => _heldOut.Length;

    /// <summary>The chosen penalty, once every <see cref="Work"/> has returned; rethrows the first fit's exception (a cancellation).</summary>
    public float Result()
    {
        _failure?.Throw();
        return Walk(out _);
    }

    // Grid position p (0 = the strongest penalty) is factor index Length − 1 − p.
    private float Penalty(int position) => _baseL2 * _factors[_factors.Length - 1 - position];

    private bool CandidateDiverged(int position)
    {
        for (int f = 0; f < _folds; f++)
        {
            int job = position * _folds + f;
            if (_done[job] && double.IsPositiveInfinity(_heldOut[job])) return true;
        }
        return false;
    }

    private void Finish(int job, double heldOut)
    {
        _heldOut[job] = heldOut;
        _done[job] = true;
        Walk(out bool complete);
        if (complete) _stopped = true;
    }

    /// <summary>
    /// Walks the finished candidates in grid order: the best so far, and whether the walk is over (a candidate that
    /// does no better than the best, after a finite best, or the whole grid done).
    /// </summary>
    private float Walk(out bool complete)
    {
        double bestLoss = double.PositiveInfinity;
        float best = _fallback;
        for (int position = 0; position < _factors.Length; position++)
        {
            double heldOut = 0;
            for (int f = 0; f < _folds; f++)
            {
                int job = position * _folds + f;
                if (!_done[job])
                {
                    // A candidate with a diverged fold is decided before its other folds finish.
                    if (!CandidateDiverged(position))
                    {
                        complete = false;
                        return best;
                    }
                    heldOut = double.PositiveInfinity;
                    break;
                }
                heldOut += _heldOut[job];
            }
            if (heldOut < bestLoss)
            {
                bestLoss = heldOut;
                best = Penalty(position);
            }
            else if (double.IsFinite(bestLoss))
            {
                // The held-out loss has turned up: weaker penalties only fit the folds' noise more closely, so the
                // rest of the grid is not trained (on the benchmark's small regression sets this never changed the
                // choice and saved up to three fifths of the fits; docs/defaults.md, round 4).
                complete = true;
                return best;
            }
        }
        complete = true;
        return best;
    }
}
