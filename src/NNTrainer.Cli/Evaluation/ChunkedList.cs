namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// An append-only list in fixed 64K-element chunks: growing it never copies what it holds (a <see cref="List{T}"/>
/// doubles and copies, so at its peak it holds up to three times the data), and reading it needs no
/// <c>ToArray</c> copy. Evaluate keeps a few values per row in these.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public void Add(T value)
    {
        int slot = Count & (ChunkSize - 1);
        if (slot == 0) _chunks.Add(new T[ChunkSize]);
        _chunks[^1][slot] = value;
        Count++;
    }

    public T this[int index] => _chunks[index >> Shift][index & (ChunkSize - 1)];

    /// <summary>Fills <paramref name="destination"/> with the values from index <paramref name="start"/> on.</summary>
    public void CopyTo(int start, Span<T> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = this[start + i];
    }
}
