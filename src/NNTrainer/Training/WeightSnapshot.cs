using NNTrainer.Layers;
using NNTrainer.Optimizers;

namespace NNTrainer.Training;

/// <summary>
/// A copy of every parameter's values and optimizer state (and of the layers' non-trainable state, such as batch
/// normalisation's running averages), taken at the best epoch so far, so that early stopping and divergence can go
/// back to it. Buffers are allocated once and overwritten.
/// </summary>
internal sealed class WeightSnapshot
{
    private readonly Parameter[] _parameters;
    private readonly float[][] _values;
    private readonly float[]?[] _momentums;
    private readonly float[]?[] _caches;
    private readonly float[][] _state;
    private readonly float[][] _savedState;
    private long _iterations;

    public WeightSnapshot(IReadOnlyList<Parameter> parameters, IReadOnlyList<float[]>? state = null)
    {
        _state = [.. state ?? []];
        _savedState = [.. _state.Select(s => new float[s.Length])];
        _parameters = [.. parameters];
        _values = new float[_parameters.Length][];
        _momentums = new float[_parameters.Length][];
        _caches = new float[_parameters.Length][];
        for (int i = 0; i < _parameters.Length; i++) _values[i] = new float[_parameters[i].Values.Length];
    }

    public bool HasValue { get; private set; }

    public void Capture(Optimizer? optimizer)
    {
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            p.Values.CopyTo(_values[i], 0);
            _momentums[i] = CopyInto(p.Momentums, _momentums[i]);
            _caches[i] = CopyInto(p.Cache, _caches[i]);
        }
        for (int i = 0; i < _state.Length; i++) _state[i].CopyTo(_savedState[i], 0);
        _iterations = optimizer?.Iterations ?? 0;
        HasValue = true;
    }

    public void Restore(Optimizer? optimizer)
    {
        if (!HasValue) throw new InvalidOperationException("No snapshot has been taken.");
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            _values[i].CopyTo(p.Values, 0);
            if (_momentums[i] is { } m) m.CopyTo(p.EnsureMomentums(), 0);
            else p.Momentums = null;
            if (_caches[i] is { } c) c.CopyTo(p.EnsureCache(), 0);
            else p.Cache = null;
        }
        for (int i = 0; i < _state.Length; i++) _savedState[i].CopyTo(_state[i], 0);
        optimizer?.RestoreSchedule(_iterations);
    }

    private static float[]? CopyInto(float[]? source, float[]? target)
    {
        if (source is null) return null;
        target ??= new float[source.Length];
        source.CopyTo(target, 0);
        return target;
    }
}
