using System.Text;

namespace NNTrainer;

/// <summary>
/// A sequential neural network, the book's <c>Model</c>: add layers, set a loss, an optimizer and an accuracy,
/// then <see cref="Fit(Matrix, Matrix, FitOptions?)"/>, <see cref="Evaluate(Matrix, Matrix, int)"/>, <see cref="Predict(Matrix, int)"/>, <see cref="Save(string)"/> and <see cref="Load(string)"/>.
/// </summary>
/// <example>
/// <code>
/// var network = new Network(seed: 42);
/// network.Add(new DenseLayer(2, 64));
/// network.Add(new ReLUActivation());
/// network.Add(new DenseLayer(64, 3));
/// network.Add(new SoftmaxActivation());
/// network.Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.05f, decay: 5e-7f), new CategoricalAccuracy());
/// network.Fit(inputs, labels, new FitOptions { Epochs = 10_000, BatchSize = null });
/// </code>
/// </example>
public sealed partial class Network
{
    private readonly List<Layer> _layers = [];
    private int _numberOfThreads = 1;
    private Predictor? _predictor;

    /// <summary>Creates an empty network.</summary>
    /// <param name="seed">Seed of the network's single random source (initial weights, dropout, shuffling, validation split). Default 0, so runs are reproducible unless asked otherwise.</param>
    public Network(int seed = 0)
    {
        Random = new SeededRandom(seed);
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>The network's single random source.</summary>
    public SeededRandom Random { get; }

    /// <summary>The seed the network was created with.</summary>
    public int Seed => Random.Seed;

    /// <summary>The data loss minimised by training.</summary>
    public Loss? Loss { get; set; }

    /// <summary>The optimizer that updates the parameters.</summary>
    public Optimizer? Optimizer { get; set; }

    /// <summary>The accuracy reported while training and evaluating.</summary>
    public Accuracy? Accuracy { get; set; }

    /// <summary>Whether <see cref="Build()"/> has run: weights drawn, layer sizes checked.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>The history of the last <see cref="Fit(Matrix, Matrix, FitOptions?)"/> call, or null.</summary>
    public TrainingHistory? History { get; internal set; }

    /// <summary>
    /// Threads the matrix kernels may use (default 1). Results are bit-identical for any value, because work is
    /// split over a fixed partition rather than by scheduling.
    /// </summary>
    public int NumberOfThreads
    {
        get => _numberOfThreads;
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfThreads), value, "At least one thread is needed.");
            _numberOfThreads = value;
            foreach (var layer in _layers) layer.NumberOfThreads = value;
        }
    }

    /// <summary>Values per input sample (the first dense layer's input size).</summary>
    public int InputSize
    {
        get
        {
            foreach (var layer in _layers)
            {
                if (layer is DenseLayer dense) return dense.InputSize;
                if (layer is SpatialLayer spatial) return spatial.InputShape.Size;
            }
            throw new InvalidOperationException("The network has no DenseLayer or spatial layer, so its input size is unknown.");
        }
    }

    /// <summary>Values per output sample.</summary>
    public int OutputSize
    {
        get
        {
            int size = InputSize;
            foreach (var layer in _layers) size = layer.GetOutputSize(size);
            return size;
        }
    }

    /// <summary>Every trainable parameter, layer by layer.</summary>
    public IReadOnlyList<Parameter> Parameters => _layers.SelectMany(l => l.Parameters).ToArray();

    /// <summary>Total number of trainable values.</summary>
    public long ParameterCount => _layers.Sum(l => l.Parameters.Sum(p => (long)p.Values.Length));

    /// <summary>Appends a layer. Layers cannot be added once the network is built.</summary>
    /// <param name="layer">The layer.</param>
    public Network Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (IsBuilt) throw new InvalidOperationException("Layers cannot be added to a built network; create a new Network.");
        if (_layers.Contains(layer)) throw new ArgumentException("This layer instance is already in the network.", nameof(layer));
        layer.NumberOfThreads = _numberOfThreads;
        _layers.Add(layer);
        return this;
    }

    /// <summary>Sets the loss, optimizer and accuracy in one call (the book's <c>model.set</c>).</summary>
    /// <param name="loss">The data loss.</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="accuracy">The accuracy metric; default chosen from the loss (categorical, binary or regression).</param>
    public Network Set(Loss loss, Optimizer optimizer, Accuracy? accuracy = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        Loss = loss;
        Optimizer = optimizer;
        Accuracy = accuracy ?? DefaultAccuracy(loss);
        return this;
    }

    /// <summary>
    /// Checks that consecutive layers fit together and draws the initial weights from the network's random
    /// source (the book's <c>model.finalize</c>). <see cref="Fit(Matrix, Matrix, FitOptions?)"/> calls it when needed.
    /// </summary>
    public void Build() => Build(initialize: true);

    /// <summary>Builds a network whose weights were loaded rather than drawn.</summary>
    internal void BuildLoaded() => Build(initialize: false);

    private void Build(bool initialize)
    {
        if (IsBuilt) return;
        if (_layers.Count == 0) throw new InvalidOperationException("The network has no layers.");
        int size = InputSize;
        for (int i = 0; i < _layers.Count; i++)
        {
            try
            {
                size = _layers[i].GetOutputSize(size);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"Layer {i} ({_layers[i].GetType().Name}) does not fit: {e.Message}", e);
            }
        }
        int firstTrainable = FirstTrainableIndex();
        for (int i = 0; i < _layers.Count; i++)
        {
            // Nothing consumes the input gradient of the first trainable layer or of anything before it.
            _layers[i].ComputeInputGradient = i > firstTrainable;
            _layers[i].Attach(Random);
            if (initialize) _layers[i].Initialize(Random, i + 1 < _layers.Count ? _layers[i + 1] : null);
        }
        IsBuilt = true;
    }

    /// <summary>Trains the network.</summary>
    /// <param name="inputs">Training samples, [samples × <see cref="InputSize"/>], all finite.</param>
    /// <param name="targets">
    /// Targets: class indices in one column or one-hot rows (categorical cross-entropy), 0/1 per output
    /// (binary cross-entropy), or values per output (regression).
    /// </param>
    /// <param name="options">Epochs, batch size, validation, early stopping, callbacks; defaults when null.</param>
    /// <returns>The epochs' figures; also kept in <see cref="History"/>.</returns>
    /// <exception cref="ArgumentException">The data has the wrong shape, a non-finite value, or a target the loss cannot take.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite; the best weights seen were restored.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was signalled; the weights of the last completed step are kept.</exception>
    public TrainingHistory Fit(Matrix inputs, Matrix targets, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        options ??= new FitOptions();
        options.Validate();
        RequireTrainable();
        Build();
        return new TrainingLoop(this, options).Run(inputs, targets);
    }

    /// <summary>Trains a classifier on class indices (a convenience for <see cref="Fit(Matrix, Matrix, FitOptions?)"/>).</summary>
    /// <param name="inputs">Training samples.</param>
    /// <param name="labels">Class index per sample.</param>
    /// <param name="options">Training options.</param>
    public TrainingHistory Fit(Matrix inputs, int[] labels, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Fit(inputs, Matrix.FromLabels(labels), options);
    }

    /// <summary>Computes the loss and accuracy of the network on a data set, in inference mode (no dropout).</summary>
    /// <param name="inputs">Samples.</param>
    /// <param name="targets">Targets, as for <see cref="Fit(Matrix, Matrix, FitOptions?)"/>.</param>
    /// <param name="batchSize">Samples per inference batch (default 1024); only memory use depends on it.</param>
    public EvaluationResult Evaluate(Matrix inputs, Matrix targets, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        RequireTrainable();
        RequireBuilt();
        CheckData(inputs, targets, "evaluation");
        var loss = Loss!;
        var accuracy = Accuracy!;
        accuracy.Initialize(targets);
        var predictor = SharedPredictor;
        double lossSum = 0;
        long correct = 0, total = 0;
        bool regression = loss is MeanSquaredErrorLoss or MeanAbsoluteErrorLoss;
        var all = regression ? new Matrix(inputs.Rows, OutputSize) : null;
        ForEachBatch(inputs, targets, batchSize, (x, y, start) =>
        {
            var outputs = predictor.PredictInTiles(x);
            lossSum += loss.SumSampleLosses(outputs, y!);
            var (c, t) = accuracy.CountCorrect(outputs, y!);
            correct += c;
            total += t;
            if (all is not null) outputs.AsSpan().CopyTo(all.Data.AsSpan(start * OutputSize));
        });
        return new EvaluationResult(
            lossSum / inputs.Rows,
            RegularizationLoss(),
            total == 0 ? 0 : (double)correct / total,
            inputs.Rows,
            all is null ? null : RegressionMetrics.Compute(all, targets));
    }

    /// <summary>Evaluates a classifier on class indices.</summary>
    /// <param name="inputs">Samples.</param>
    /// <param name="labels">Class index per sample.</param>
    public EvaluationResult Evaluate(Matrix inputs, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Evaluate(inputs, Matrix.FromLabels(labels));
    }

    /// <summary>The network's outputs (class probabilities for softmax/sigmoid outputs) for every sample, in inference mode.</summary>
    /// <param name="inputs">Samples, [samples × <see cref="InputSize"/>].</param>
    /// <param name="batchSize">Samples per inference batch (default 1024); only memory use depends on it.</param>
    public Matrix Predict(Matrix inputs, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        RequireBuilt();
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; the data has {inputs.Columns}.", nameof(inputs));
        }
        var result = new Matrix(inputs.Rows, OutputSize);
        Predict(inputs, result, batchSize);
        return result;
    }

    /// <summary>
    /// The predicted class of every sample: the arg-max of the outputs, or for a single sigmoid output,
    /// 1 when it exceeds 0.5 and 0 otherwise.
    /// </summary>
    /// <param name="inputs">Samples.</param>
    public int[] PredictClasses(Matrix inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var classes = new int[inputs.Rows];
        PredictClasses(inputs, classes);
        return classes;
    }

    /// <summary>A predictor with buffers of its own, for scoring from one thread while other threads use theirs.</summary>
    public Predictor CreatePredictor()
    {
        RequireBuilt();
        return new Predictor(this);
    }

    /// <summary>The L1/L2 penalty of the current weights (the book's <c>regularization_loss</c>).</summary>
    public double RegularizationLoss()
    {
        double loss = 0;
        foreach (var layer in _layers)
        {
            foreach (var p in layer.Parameters) loss += p.RegularizationLoss();
        }
        return loss;
    }

    /// <summary>Saves architecture, weights, loss, accuracy and optimizer state to a file, atomically: a crash mid-save leaves any previous file intact.</summary>
    /// <param name="path">Destination file.</param>
    public void Save(string path) => NetworkSerializer.Save(NetworkFile.Contents(this), path);

    /// <summary>Writes the network to a stream in the checked model format.</summary>
    /// <param name="stream">Destination stream.</param>
    public void Save(Stream stream) => NetworkSerializer.Save(NetworkFile.Contents(this), stream);

    /// <summary>Loads a network saved with <see cref="Save(string)"/>.</summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="ModelFormatException">The file is truncated, corrupted, of a newer format version, or not a model file.</exception>
    public static Network Load(string path) => NetworkSerializer.Load(path, NetworkFile.Build);

    /// <summary>Reads a network written with <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">Source stream.</param>
    /// <exception cref="ModelFormatException">The data is truncated, corrupted, of a newer format version, or not a model.</exception>
    public static Network Load(Stream stream) => NetworkSerializer.Load(stream, NetworkFile.Build);

    /// <summary>A table of the layers with their output sizes and parameter counts.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine($"{"#",-3} {"layer",-22} {"output",8} {"parameters",12}");
        int size = _layers.Count > 0 ? InputSize : 0;
        for (int i = 0; i < _layers.Count; i++)
        {
            size = _layers[i].GetOutputSize(size);
            long count = _layers[i].Parameters.Sum(p => (long)p.Values.Length);
            text.AppendLine($"{i,-3} {_layers[i].GetType().Name,-22} {size,8} {count,12:N0}");
        }
        text.Append($"total parameters: {ParameterCount:N0}");
        return text.ToString();
    }

    internal Predictor SharedPredictor => _predictor ??= new Predictor(this);

    internal int FirstTrainableIndex()
    {
        for (int i = 0; i < _layers.Count; i++)
        {
            if (_layers[i].Parameters.Count > 0) return i;
        }
        return _layers.Count;
    }

    internal void CheckData(Matrix inputs, Matrix targets, string what)
    {
        if (inputs.Rows == 0) throw new ArgumentException($"The {what} data is empty: at least one sample is needed.", nameof(inputs));
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; the {what} data has {inputs.Columns}.", nameof(inputs));
        }
        if (targets.Rows != inputs.Rows)
        {
            throw new ArgumentException($"The {what} data has {inputs.Rows} samples but {targets.Rows} targets.", nameof(targets));
        }
        Loss!.ValidateTargets(targets, OutputSize);
    }

    internal static void CheckFinite(Matrix inputs, string what)
    {
        long bad = Kernels.IndexOfNonFinite(inputs.AsSpan());
        if (bad >= 0)
        {
            throw new ArgumentException($"The {what} data has {inputs.Data[bad]} at row {bad / inputs.Columns}, column {bad % inputs.Columns}; every feature must be a finite number.", nameof(inputs));
        }
    }

    internal static void ForEachBatch(Matrix inputs, Matrix? targets, int batchSize, Action<Matrix, Matrix?, int> body)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        if (inputs.Rows <= batchSize)
        {
            body(inputs, targets, 0);
            return;
        }
        var x = new Matrix(batchSize, inputs.Columns);
        var y = targets is null ? null : new Matrix(batchSize, targets.Columns);
        for (int start = 0; start < inputs.Rows; start += batchSize)
        {
            int count = Math.Min(batchSize, inputs.Rows - start);
            x.Resize(count);
            inputs.Data.AsSpan(start * inputs.Columns, count * inputs.Columns).CopyTo(x.Data);
            if (y is not null)
            {
                y.Resize(count);
                targets!.Data.AsSpan(start * targets.Columns, count * targets.Columns).CopyTo(y.Data);
            }
            body(x, y, start);
        }
    }

    internal static Accuracy DefaultAccuracy(Loss loss) => loss switch
    {
        CategoricalCrossEntropyLoss => new CategoricalAccuracy(),
        BinaryCrossEntropyLoss => new BinaryAccuracy(),
        _ => new RegressionAccuracy(),
    };

    private void RequireTrainable()
    {
        if (Loss is null || Optimizer is null)
        {
            throw new InvalidOperationException("Set a loss and an optimizer first (Network.Set).");
        }
        Accuracy ??= DefaultAccuracy(Loss);
    }

    private void RequireBuilt()
    {
        if (!IsBuilt) throw new InvalidOperationException("The network is not built yet: call Build or Fit first.");
    }
}
