using System.Globalization;
using System.Text;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// What ML.NET's public test tables (dotnet/machinelearning test/data) showed the reader should say: an id-like number
/// column (newspaperchurn.csv's SubscriptionID) is noted, a sparse <c>index:value</c> file (Train-Tiny-28x28.txt) is
/// named as such, and a header read as one huge column is cut short in the message.
/// </summary>
public sealed class PublicFileHintsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Table(Func<int, string> id, int rows = 150)
    {
        var text = new StringBuilder("SubscriptionID,Age,Subscriber\n");
        var random = new Random(5);
        for (int i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"{id(i)},{random.Next(18, 80)},{(random.Next(2) == 0 ? "YES" : "NO")}\n");
        return _dir.Write("churn.csv", text.ToString());
    }

    [Fact]
    public void A_whole_number_different_in_every_row_is_noted_as_a_possible_id()
    {
        var path = Table(i => (110447118 + 34573 * i + i * i % 97).ToString(CultureInfo.InvariantCulture));

        var problem = TabularProblem.Create(CsvTable.Load(path), "Subscriber", null, new HashSet<string>());

        Assert.Contains("Column 'SubscriptionID' holds a different whole number in every row (an id?); it is used as a feature, so pass --ignore SubscriptionID if it only identifies rows.", problem.Notes);
        Assert.DoesNotContain(problem.Notes, n => n.Contains("'Age'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(60)]    // too few rows: a measurement is often different in every row of a small table
    [InlineData(150)]
    public void Repeats_fractions_or_a_small_table_are_not_ids(int rows)
    {
        var repeats = Table(i => (1000 + i % 120).ToString(CultureInfo.InvariantCulture), rows);
        var ids = TabularProblem.Create(CsvTable.Load(repeats), "Subscriber", null, new HashSet<string>());
        Assert.DoesNotContain(ids.Notes, n => n.Contains("an id?", StringComparison.Ordinal));

        var fractions = Table(i => (1000.5 + 3 * i).ToString(CultureInfo.InvariantCulture), rows);
        var measured = TabularProblem.Create(CsvTable.Load(fractions), "Subscriber", null, new HashSet<string>());
        Assert.DoesNotContain(measured.Notes, n => n.Contains("an id?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_column_of_nearly_all_different_comments_is_free_text_on_a_small_table()
    {
        // wikipedia-detox-250-line-data.tsv: 246 different comments in 249 rows, far below the 1,000 distinct texts
        // that make a column free text on a large table.
        var text = new StringBuilder("Sentiment\tSentimentText\tTopic\n");
        var random = new Random(8);
        for (int i = 0; i < 150; i++)
        {
            var comment = i % 15 == 0 ? "thanks" : $"comment number {i} about page {random.Next(1000)}";
            text.Append(CultureInfo.InvariantCulture, $"{random.Next(2)}\t{comment}\tt{i % 120}\n");
        }
        var path = _dir.Write("detox.tsv", text.ToString());

        var problem = TabularProblem.Create(CsvTable.Load(path), "Sentiment", null, new HashSet<string>());

        // Too varied to one-hot encode, and words: counted as words and letter trigrams (it was left out before free text was read).
        Assert.Contains("Column 'SentimentText' holds free text (141 distinct values, 5.7 words on average): its words and letter trigrams are counted as features (ML.NET's FeaturizeText).", problem.Notes);
        // 120 distinct texts in 150 rows (80 %) stay categories, the 100 most frequent one-hot encoded.
        Assert.Equal([new FeatureColumn("SentimentText", ColumnKind.Text), new FeatureColumn("Topic", ColumnKind.Categorical)], problem.Schema.Features);
    }

    [Fact]
    public void A_label_named_without_the_headers_leading_hash_is_suggested()
    {
        var path = _dir.Write("iris.txt", "#Label\tSepal length\n0\t5.1\n1\t7.0\n");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path).Require("Label", "the label given by --label"));

        Assert.Contains("has no column 'Label' (the label given by --label) (did you mean '#Label'?)", error.Message);
    }

    [Fact]
    public void A_sparse_index_value_file_is_named_and_its_long_first_line_cut_short()
    {
        var line = "5\t784\t" + string.Join('\t', Enumerable.Range(150, 120).Select(i => $"{i}:{i % 250}"));
        var path = _dir.Write("Train-Tiny.txt", line + "\n0\t784\t127:51\t128:159\n");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path).Require("Label", "the label given by --label"));

        Assert.Contains("Its first line holds index:value pairs, the sparse rows of SVM-light/LIBSVM or of ML.NET's sparse text format, which the CLI does not read", error.Message);
        Assert.Contains($"… ({line.Length:N0} characters)", error.Message);
        Assert.True(error.Message.Length < 800, error.Message);
    }
}
