using System.Text;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// <c>--memory-budget</c>'s estimate: rows × columns × 14 bytes, plus the one-hot slots of text feature columns
/// (their categories in the first rows, capped as training caps them) beyond the first, which the feature matrix holds
/// as one float each; the label's classes are not slots.
/// </summary>
public sealed class MemoryBudgetTests : IDisposable
{
    private const int Rows = 600;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Columns x (numeric), city (<paramref name="categories"/> texts in turn, every 7th missing) and a yes/no label.</summary>
    private string File(string name, int categories)
    {
        var text = new StringBuilder("x,city,label\n");
        for (int r = 0; r < Rows; r++) text.Append($"{r * 0.5},{(r % 7 == 3 ? "" : $"c{r % categories}")},{(r % 2 == 0 ? "yes" : "no")}\n");
        return _dir.Write(name, text.ToString());
    }

    [Fact]
    public void EachCategoryOfATextFeatureBeyondItsFirstCostsASlotAndTheLabelsClassesDoNot()
    {
        var five = File("five.csv", 5);

        var (rows, bytes) = MemoryBudget.Estimate(five, "label");

        Assert.Equal(Rows, rows);
        // Five categories and the missing value: six slots, five beyond the column's own value.
        Assert.Equal(Rows * (3 * MemoryBudget.BytesPerValue + 5 * MemoryBudget.BytesPerSlot), bytes);
        // Without the label's name its two classes count as a text column's: one more slot.
        Assert.Equal(Rows * (3 * MemoryBudget.BytesPerValue + 6 * MemoryBudget.BytesPerSlot), MemoryBudget.Estimate(five).Bytes);
    }

    [Fact]
    public void AColumnOfManyCategoriesIsPricedAtTheCapTrainingKeeps()
    {
        var many = File("many.csv", 300);

        var (_, bytes) = MemoryBudget.Estimate(many, "label");

        // The default cap on 600 rows (1,000) keeps the 300 categories and the missing value: 300 slots beyond the first.
        Assert.Equal(Rows * (3 * MemoryBudget.BytesPerValue + 300 * MemoryBudget.BytesPerSlot), bytes);
        Assert.Equal(Rows * (3 * MemoryBudget.BytesPerValue + (CategoryCap.MaxCategories - 1) * MemoryBudget.BytesPerSlot), MemoryBudget.Estimate(many, "label", maxCategories: 100).Bytes);
        // With --max-categories 250 training keeps 250 of the 300 (of which the first 600 rows hold all), and so does the estimate.
        Assert.Equal(Rows * (3 * MemoryBudget.BytesPerValue + 249 * MemoryBudget.BytesPerSlot), MemoryBudget.Estimate(many, "label", maxCategories: 250).Bytes);
    }

    [Fact]
    public void ANumericTableIsRowsTimesColumns()
    {
        var text = new StringBuilder("a,b,y\n");
        for (int r = 0; r < Rows; r++) text.Append($"{r},{r % 3},{r % 2}\n");

        var (rows, bytes) = MemoryBudget.Estimate(_dir.Write("numbers.csv", text.ToString()), "y");

        Assert.Equal(Rows, rows);
        Assert.Equal(Rows * 3 * MemoryBudget.BytesPerValue, bytes);
    }
}
