using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.ML;
using NNTrainer.ML;

namespace NNTrainer.Samples;

/// <summary>
/// Regression with <c>mlContext.Regression.Trainers.NeuralNetwork()</c>, from a CSV loaded into a
/// <c>Microsoft.Data.Analysis.DataFrame</c> (a DataFrame is an <c>IDataView</c>) to predictions returned as a
/// DataFrame. Prices are in the hundreds of thousands: the trainer standardises the label internally, so it
/// needs no rescaling, and predicts in dollars.
/// </summary>
public static class Regression
{
    public static void Example()
    {
        var mlContext = new MLContext(seed: 0);

        var houses = DataFrame.LoadCsvFromString(GenerateCsv(count: 1500, seed: 1));
        var newHouses = DataFrame.LoadCsvFromString(GenerateCsv(count: 300, seed: 2));
        Console.WriteLine($"Training on {houses.Rows.Count} houses; columns {string.Join(", ", houses.Columns.Select(c => $"{c.Name} ({c.DataType.Name})"))}");

        var pipeline = mlContext.Transforms.Concatenate("Features", "Size", "Rooms", "Age", "Distance")
            .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
            .Append(mlContext.Regression.Trainers.NeuralNetwork(labelColumnName: "Price"));

        var model = pipeline.Fit(houses);
        var predictions = model.Transform(newHouses);

        var metrics = mlContext.Regression.Evaluate(predictions, labelColumnName: "Price");
        Console.WriteLine($"R-squared: {metrics.RSquared:F3}");
        Console.WriteLine($"Mean absolute error: {metrics.MeanAbsoluteError / 1000:F1} thousand dollars");

        // Predictions come back as a DataFrame, ready for further analysis.
        var frame = predictions.ToDataFrame(5, "Size", "Rooms", "Price", "Score");
        for (int i = 0; i < frame.Rows.Count; i++)
        {
            Console.WriteLine($"Size: {frame["Size"][i],3} m2, Rooms: {frame["Rooms"][i]}, Price: {(float)frame["Price"][i] / 1000,4:F0}k, Predicted: {(float)frame["Score"][i] / 1000,4:F0}k");
        }
    }

    private static string GenerateCsv(int count, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("Size,Rooms,Age,Distance,Price\n");
        for (int i = 0; i < count; i++)
        {
            int size = random.Next(40, 220);
            int rooms = Math.Max(1, size / 30 + random.Next(-1, 2));
            int age = random.Next(0, 80);
            double distance = Math.Round(random.NextDouble() * 30, 1);
            // Price per square metre falls with distance from the centre and with age; rooms add a little.
            double price = size * (4200 - 60 * distance + 25 * Math.Max(0, 20 - age)) + 8000 * rooms + random.Next(-15000, 15000);
            csv.Append(CultureInfo.InvariantCulture, $"{size},{rooms},{age},{distance},{Math.Round(price)}\n");
        }
        return csv.ToString();
    }
}


// Expected output:
//   Training on 1500 houses; columns Size (Single), Rooms (Single), Age (Single), Distance (Single), Price (Single)
//   R-squared: 0.998
//   Mean absolute error: 8.2 thousand dollars
//   Size: 178 m2, Rooms: 5, Price:  491k, Predicted:  509k
//   Size:  95 m2, Rooms: 4, Price:  378k, Predicted:  389k
//   Size: 177 m2, Rooms: 4, Price:  698k, Predicted:  697k
//   Size:  90 m2, Rooms: 4, Price:  284k, Predicted:  297k
//   Size:  54 m2, Rooms: 1, Price:  176k, Predicted:  161k
