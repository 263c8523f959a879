using System.Text;
using NNTrainer.Initialization;
using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Optimizers;
using NNTrainer.Persistence;
using NNTrainer.Serialization;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

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
    public long ParameterCount
    {
        get
        {
            // Loops rather than nested Enumerable.Sum: the trainers log this count on every fit, and the LINQ
            // instantiations were JIT-compiled for it on the first fit of a process (docs/first-fit.md).
            long count = 0;
            foreach (var layer in _layers)
            {
                foreach (var parameter in layer.Parameters) count += parameter.Values.Length;
            }
            return count;
        }
    }

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

    private void RequireBuilt()
    {
        if (!IsBuilt) throw new InvalidOperationException("The network is not built yet: call Build or Fit first.");
    }
}
