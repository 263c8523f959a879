namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>One damaged copy of a valid model file and how it was damaged.</summary>
/// <param name="Kind">The mutation strategy, for the tally.</param>
/// <param name="Bytes">The damaged file.</param>
/// <param name="ChecksumRepaired">True when the mutation also rewrote the file's own checksum (and length), so the damage reaches the parser.</param>
public sealed record Mutation(string Kind, byte[] Bytes, bool ChecksumRepaired)
{
    /// <summary>Where the damage is, to replay a case by hand: the new length, or the first bytes that differ.</summary>
    public string Describe(byte[] original)
    {
        if (Bytes.Length != original.Length) return $"{original.Length} bytes → {Bytes.Length}";
        var changed = Enumerable.Range(0, original.Length).Where(i => Bytes[i] != original[i]).ToArray();
        return $"{changed.Length} of {original.Length} bytes changed, at {string.Join(", ", changed.Take(8))}{(changed.Length > 8 ? ", …" : "")}";
    }
}
