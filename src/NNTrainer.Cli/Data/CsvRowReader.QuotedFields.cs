namespace NNTrainer.Cli.Data;

/// <summary>Which fields of the current record were written in quotes (<see cref="QuotedColumns"/> reads R's factors from them).</summary>
internal sealed partial class CsvRowReader
{
    private bool[] _quotedFields = new bool[64];

    // Flags of the last record read by the state machine are cleared from here down to 0 before the next one: a
    // record without a quote (the fast path) sets none, and is told apart by _plain.
    private int _quotedSpan;

    /// <summary>Whether a field of the current record was enclosed in quotes in the file.</summary>
    public bool WasQuoted(int index) => !_plain && index < _quotedSpan && _quotedFields[index];

    private void MarkQuoted(int index)
    {
        if (index >= _quotedFields.Length) Array.Resize(ref _quotedFields, Math.Max(_quotedFields.Length * 2, index + 1));
        _quotedFields[index] = true;
        _quotedSpan = Math.Max(_quotedSpan, index + 1);
    }

    private void ClearQuotedFields()
    {
        if (_quotedSpan == 0) return;
        Array.Clear(_quotedFields, 0, _quotedSpan);
        _quotedSpan = 0;
    }
}
