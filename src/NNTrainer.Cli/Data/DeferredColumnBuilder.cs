namespace NNTrainer.Cli.Data;

/// <summary>
/// A column with no value in the rows the types are guessed from (<see cref="ColumnSniffer.SampleRows"/>): its first
/// value decides the type (a number: numeric; true/false: Boolean; anything else: text), the missing rows before it
/// are filled in, and the rest goes to that type's builder. Without any value at all it is a numeric column of
/// missing values, as an empty column in the sample always was.
/// </summary>
internal sealed class DeferredColumnBuilder(string name) : ColumnBuilder(name)
{
    private ColumnBuilder? _decided;
    private int _missing;

    /// <summary>The builder the first value chose; null while every value so far is missing.</summary>
    public ColumnBuilder? Decided => _decided;

    public override void Add(ReadOnlySpan<char> field, int line)
    {
        if (_decided is null)
        {
            var trimmed = field.Trim();
            if (ColumnSniffer.IsMissing(trimmed))
            {
                _missing++;
                return;
            }
            Decide(ColumnSniffer.Infer(1, [[trimmed.ToString()]])[0]);
        }
        _decided!.Add(field, line);
    }

    public override TableColumn Build()
    {
        if (_decided is null) Decide(SniffedKind.Numeric);
        return _decided!.Build();
    }

    private void Decide(SniffedKind kind)
    {
        _decided = Create(Name, kind);
        for (int i = 0; i < _missing; i++) _decided.Add([], 0);
    }
}
