namespace NNTrainer.Hardening.Tests.Training;

/// <summary>Training interrupted by cancellation in the middle of an epoch, or by a loss that becomes NaN.</summary>
public sealed class FaultTests
{
    [Fact]
    public void Cancellation_in_the_middle_of_an_epoch_leaves_a_usable_model_and_its_history()
    {
        var (x, y) = SyntheticData.Spiral(50, 3, seed: 2);
        using var cancellation = new CancellationTokenSource();
        // 150 samples in batches of 10: 15 steps an epoch; the 38th forward pass is step 8 of epoch 3.
        var trip = new TripwireActivation(calls => { if (calls == 38) cancellation.Cancel(); });
        var network = Classifier(trip);
        var afterEpoch = new List<float[]>();

        Assert.ThrowsAny<OperationCanceledException>(() => network.Fit(x, y, new FitOptions
        {
            Epochs = 10,
            BatchSize = 10,
            CancellationToken = cancellation.Token,
            EpochEnded = _ => afterEpoch.Add(Weights(network)),
        }));
        trip.Disarm();

        var history = network.History!;
        Assert.Equal(StopReason.Cancelled, history.StopReason);
        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(38, trip.Calls);
        // The eight steps of epoch 3 that ran are kept: the weights moved on from the end of epoch 2.
        Assert.NotEqual(afterEpoch[^1], Weights(network));
        Assert.All(Weights(network), w => Assert.True(float.IsFinite(w)));
        var predictions = network.Predict(x);
        Assert.All(predictions.AsSpan().ToArray(), p => Assert.InRange(p, 0f, 1f));
        Assert.All(history.Epochs, e => Assert.True(double.IsFinite(e.Loss)));
        Assert.True(double.IsFinite(network.Evaluate(x, y).Loss));
        Assert.Equal(StopReason.Completed, network.Fit(x, y, new FitOptions { Epochs = 1, BatchSize = 10 }).StopReason);
    }

    [Fact]
    public void Divergence_after_good_epochs_stops_with_a_clear_error_and_restores_the_best_epochs_weights()
    {
        var (x, y) = SyntheticData.Spiral(50, 3, seed: 2);
        var trip = new TripwireActivation(_ => { });
        var network = Classifier(trip);
        var afterEpoch = new List<float[]> { };

        var error = Assert.Throws<TrainingDivergedException>(() => network.Fit(x, y, new FitOptions
        {
            Epochs = 20,
            BatchSize = 10,
            EpochEnded = e =>
            {
                afterEpoch.Add(Weights(network));
                // From epoch 5 on, the layer's outputs are NaN, as after an overflow.
                if (e.Epoch == 4) trip.Poison();
            },
        }));
        trip.Disarm();

        Assert.Contains("diverged", error.Message);
        Assert.Contains("epoch 5", error.Message);
        Assert.Equal(StopReason.Diverged, error.History.StopReason);
        Assert.InRange(error.History.BestEpoch, 1, 4);
        Assert.Equal(afterEpoch[error.History.BestEpoch - 1], Weights(network));
        Assert.All(network.Predict(x).AsSpan().ToArray(), p => Assert.True(float.IsFinite(p)));
    }

    private static Network Classifier(Layer hidden)
    {
        var network = new Network(seed: 5).Add(new DenseLayer(2, 16)).Add(hidden).Add(new DenseLayer(16, 3)).Add(new SoftmaxActivation());
        network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(0.02f));
        return network;
    }

    private static float[] Weights(Network network) => network.Parameters.SelectMany(p => p.Values).ToArray();

    /// <summary>ReLU that calls back on every training forward pass and can be made to output NaN.</summary>
    private sealed class TripwireActivation(Action<int> onCall) : Activation
    {
        private bool _armed = true;
        private bool _poisoned;

        public int Calls { get; private set; }

        public void Poison() => _poisoned = true;

        public void Disarm() => (_armed, _poisoned) = (false, false);

        protected override void Apply(Matrix inputs, Matrix outputs)
        {
            var source = inputs.AsSpan();
            var target = outputs.AsSpan();
            for (int i = 0; i < source.Length; i++) target[i] = _poisoned ? float.NaN : Math.Max(0f, source[i]);
            if (!_armed) return;
            Calls++;
            onCall(Calls);
        }

        protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs)
        {
            var x = inputs.AsSpan();
            var d = dValues.AsSpan();
            var result = dInputs.AsSpan();
            for (int i = 0; i < x.Length; i++) result[i] = x[i] > 0 ? d[i] : 0f;
        }
    }
}
