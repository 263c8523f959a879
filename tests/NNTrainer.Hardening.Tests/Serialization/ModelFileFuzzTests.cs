using NNTrainer.Hardening.Tests.Fuzzing;

namespace NNTrainer.Hardening.Tests.Serialization;

/// <summary>
/// Fuzzes the engine's model format (<c>Network.Load</c>): every damaged file must end in a
/// <see cref="ModelFormatException"/>; never another exception, an out-of-memory error, a hang, or a silent load.
/// The one kind of load allowed is of a file whose checksum the fuzzer repaired, and then the network must save back
/// to exactly those bytes (the parser read what the file says, nothing else).
/// </summary>
public sealed class ModelFileFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_damaged_model_file_is_rejected_with_a_ModelFormatException()
    {
        int cases = FuzzSettings.Cases("NNTRAINER_FUZZ_CASES", 12_000);
        var originals = FuzzNetworks.All().Select(Bytes).ToArray();
        var tally = new FuzzTally();
        var random = new Random(FuzzSettings.Seed);
        for (int i = 0; i < cases; i++)
        {
            var original = originals[i % originals.Length];
            var mutation = EngineFileMutator.Next(random, original);
            string where = $"case {i} (seed {FuzzSettings.Seed}, network {i % originals.Length})";
            FuzzSettings.WithinCaseHangGuard($"{where}, {mutation.Kind}, {mutation.Describe(original)},", () => Check(mutation, original, tally, where));
        }
        output.WriteLine(tally.Report("Engine model files"));

        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures));
        Assert.True(tally.Total >= Math.Min(cases, 10_000));
    }

    private static void Check(Mutation mutation, byte[] original, FuzzTally tally, string where)
    {
        if (mutation.Bytes.AsSpan().SequenceEqual(original))
        {
            tally.Add(mutation.Kind, "unchanged by the mutation");
            return;
        }
        Network loaded;
        try
        {
            using var stream = new MemoryStream(mutation.Bytes, writable: false);
            loaded = Network.Load(stream);
        }
        catch (ModelFormatException e)
        {
            tally.Add(mutation.Kind, "ModelFormatException", e.Message);
            return;
        }
        catch (Exception e)
        {
            tally.Add(mutation.Kind, e.GetType().Name);
            tally.Fail($"{where}, {mutation.Kind}: {e.GetType().Name}: {e.Message}");
            return;
        }
        if (!mutation.ChecksumRepaired)
        {
            tally.Add(mutation.Kind, "silent load");
            tally.Fail($"{where}, {mutation.Kind}: a damaged file loaded without an error");
            return;
        }
        if (!Bytes(loaded).AsSpan().SequenceEqual(mutation.Bytes))
        {
            tally.Add(mutation.Kind, "loaded, reads differently");
            tally.Fail($"{where}, {mutation.Kind}: loaded, but does not save back to the same bytes");
            return;
        }
        tally.Add(mutation.Kind, "valid model (repaired checksum), loads faithfully");
    }

    internal static byte[] Bytes(Network network)
    {
        using var stream = new MemoryStream();
        network.Save(stream);
        return stream.ToArray();
    }
}
