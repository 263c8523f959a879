namespace NNTrainer.Hardening.Tests.Fuzzing;

/// <summary>One damaged copy of a valid model file and how it was damaged.</summary>
/// <param name="Kind">The mutation strategy, for the tally.</param>
/// <param name="Bytes">The damaged file.</param>
/// <param name="ChecksumRepaired">True when the mutation also rewrote the file's own checksum (and length), so the damage reaches the parser.</param>
public sealed record Mutation(string Kind, byte[] Bytes, bool ChecksumRepaired);
