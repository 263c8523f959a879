namespace NNTrainer.ML.Tests.Data;

public class TrainingMemoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    // Above the huge-page threshold, and not a multiple of the page size, so the advised range is cut at both ends.
    [InlineData((int)(TrainingMemory.HugePageThreshold / sizeof(float)) + 12_345)]
    public void BuffersOfEverySizeHoldWhatIsWrittenToThem(int length)
    {
        var buffer = TrainingMemory.AllocateUninitialized(length);

        Assert.Equal(length, buffer.Length);
        for (int i = 0; i < length; i++) buffer[i] = i;
        int firstWrong = -1;
        for (int i = 0; i < length && firstWrong < 0; i++)
        {
            if (buffer[i] != i) firstWrong = i;
        }
        Assert.Equal(-1, firstWrong);
    }

    [Fact]
    public void ALargeBufferSurvivesACompactingCollection()
    {
        var buffer = TrainingMemory.AllocateUninitialized((int)(TrainingMemory.HugePageThreshold / sizeof(float)) * 2);
        buffer.AsSpan().Fill(3f);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        Assert.True(buffer.AsSpan().IndexOfAnyExcept(3f) < 0);
    }
}
