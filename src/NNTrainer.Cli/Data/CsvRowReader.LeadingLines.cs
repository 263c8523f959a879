namespace NNTrainer.Cli.Data;

/// <summary>The lines before the header (ML.NET's comment lines) and where a broken quote began.</summary>
internal sealed partial class CsvRowReader
{
    /// <summary>
    /// The header as the file wrote it: a blank name stays blank (R's write.csv heads its row names with ""), where
    /// <see cref="Header"/> calls it <c>Unnamed: 0</c>. predict writes this line back, so that its output reads in R as
    /// the input did; the same as <see cref="Header"/> for a file without a header line.
    /// </summary>
    public string[] WrittenHeader { get; private set; } = [];

    /// <summary>The column names: the first line after any comment lines, or <c>col0</c>, <c>col1</c>, … when that line is data.</summary>
    private string[] ReadHeader(string path)
    {
        SkipLeadingComments();
        if (!Read()) throw new CliException($"{path} is empty: a header row with column names is expected.");
        var header = new string[_fieldCount];
        var written = new string[_fieldCount];
        for (int c = 0; c < header.Length; c++)
        {
            header[c] = written[c] = Field(c).Trim().ToString();
            if (header[c].Length == 0) header[c] = $"Unnamed: {c}"; // pandas' name: its to_csv writes the index under no name.
        }
        if (HeaderlessFile.IsData(header))
        {
            // The first line is the first row (ML.NET's InferColumns says the same): served again by the next Read().
            header = written = HeaderlessFile.Names(header.Length);
            HasNoHeader = _replayFirst = true;
        }
        WrittenHeader = written;
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CliException($"{path}: the header names column '{duplicate.Key}' twice.");
        return header;
    }

    /// <summary>
    /// When the record began lines earlier, a quote there was never closed as meant (a quote inside a quoted field not
    /// doubled), so the fault is on that line, not on the one where the reader noticed it.
    /// </summary>
    private string OpenedEarlier() => Line < _line
        ? $" The quoted field runs from line {Line}: a quote inside it that is not doubled (\"\") ends it early, so look there."
        : "";

    /// <summary>
    /// Skips the lines before the header that start with "//", the comment lines of ML.NET's text format (its TextLoader
    /// skips them; test files such as breast-cancer.txt open with a block of them), and blank lines among them. Done on
    /// the characters, before any parsing, because a comment may hold quotes or separators. Only leading lines: a data
    /// row whose first field starts with "//" stays a row.
    /// </summary>
    private void SkipLeadingComments()
    {
        while (Available(2))
        {
            var start = _buffer.AsSpan(_position, _length - _position);
            if (!start.StartsWith("//") && start[0] != '\n' && !start.StartsWith("\r\n")) return;
            while (true)
            {
                int newline = _buffer.AsSpan(_position, _length - _position).IndexOf('\n');
                if (newline >= 0)
                {
                    _position += newline + 1;
                    _line++;
                    break;
                }
                _position = _length;
                if (!Fill()) return;
            }
        }
    }

    /// <summary>Whether at least <paramref name="count"/> characters are in the buffer, reading more (keeping the unread ones) if needed.</summary>
    private bool Available(int count)
    {
        if (_length - _position >= count) return true;
        if (_endOfFile) return false;
        int kept = _length - _position;
        Array.Copy(_buffer, _position, _buffer, 0, kept);
        (_position, _length) = (0, kept);
        while (_length < count)
        {
            int read = _text.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0)
            {
                _endOfFile = true;
                break;
            }
            _length += read;
        }
        return _length - _position >= count;
    }
}
