/// A small table through ML.NET from F#: [<CLIMutable>] records in, NNTrainer's trainers in a pipeline,
/// metrics as F# records, predictions as records, and the model saved and reloaded.
module FSharpSample.TableExample

open System
open System.IO
open Microsoft.ML
open NNTrainer.FSharp

/// One row of the table: a penguin's species and measurements.
[<CLIMutable>]
type Penguin =
    { Species: string
      BillLength: float32
      BillDepth: float32
      FlipperLength: float32
      BodyMass: float32 }

/// What the species model adds to a row (PredictedLabel mapped back to the species' name).
[<CLIMutable>]
type SpeciesPrediction = { PredictedLabel: string; Score: float32[] }

/// What the body-mass model adds to a row.
[<CLIMutable>]
type MassPrediction = { Score: float32 }

let private species = [| "Adelie"; "Chinstrap"; "Gentoo" |]

/// Penguins drawn around the Palmer Archipelago species' means (bill, depth and flipper in mm, mass in g).
let private penguins (perSpecies: int) (seed: int) =
    let means = [| 38.8, 18.3, 190.0, 3700.0; 48.8, 18.4, 196.0, 3730.0; 47.5, 15.0, 217.0, 5080.0 |]
    let random = Random seed
    let gaussian () = sqrt (-2.0 * log (1.0 - random.NextDouble())) * cos (2.0 * Math.PI * random.NextDouble())
    [ for _ in 1..perSpecies do
          for s in 0..2 ->
              let bill, depth, flipper, mass = means[s]
              let size = gaussian ()
              { Species = species[s]
                BillLength = float32 (bill + 2.5 * gaussian ())
                BillDepth = float32 (depth + 0.9 * gaussian ())
                FlipperLength = float32 (flipper + 6.0 * (0.6 * size + 0.8 * gaussian ()))
                BodyMass = float32 (mass + 400.0 * (0.8 * size + 0.6 * gaussian ())) } ]

let run (out: TextWriter) =
    let mlContext = MLContext(seed = 1)
    let trainRows, testRows = penguins 100 1, penguins 40 2
    let train, test = ML.ofRecords mlContext trainRows, ML.ofRecords mlContext testRows
    out.WriteLine $"Penguins: {trainRows.Length} training and {testRows.Length} test rows, {species.Length} species"

    let options =
        { ML.Options.defaults with
            HiddenLayers = [ Dense 16; ReLU ]
            L2Regularization = 0f
            Epochs = Some 50
            BatchSize = 32
            Optimizer = Adam { AdamOptions.defaults with LearningRate = 0.01f } }

    let speciesPipeline =
        ML.pipeline
        |> ML.append (mlContext.Transforms.Conversion.MapValueToKey("Label", "Species"))
        |> ML.append (mlContext.Transforms.Concatenate("Features", "BillLength", "BillDepth", "FlipperLength", "BodyMass"))
        |> ML.append (mlContext.Transforms.NormalizeMeanVariance "Features")
        |> ML.append (ML.multiclass mlContext options)
        |> ML.append (mlContext.Transforms.Conversion.MapKeyToValue "PredictedLabel")
    let model = speciesPipeline |> ML.fit train

    let history = ML.history model
    out.WriteLine $"network %A{(Network.describe (ML.network model)).Layers}"
    out.WriteLine $"trained {history.Epochs.Length} epochs; last training loss {(History.last history).Value.DataLoss:F3}"

    let metrics = model.Transform test |> ML.evaluateMulticlass mlContext "Label"
    out.WriteLine $"micro accuracy {metrics.MicroAccuracy:F3}  macro accuracy {metrics.MacroAccuracy:F3}  log loss {metrics.LogLoss:F3}"
    out.WriteLine "confusion matrix (rows: true species, columns: predicted)"
    for name, counts in Array.zip species (Array.ofList metrics.ConfusionMatrix.Counts) do
        out.WriteLine $"""  {name, -10}{counts |> List.map (sprintf "%4.0f") |> String.concat ""}"""

    let predict = ML.predictor<Penguin, SpeciesPrediction> mlContext model
    let penguin = { Species = ""; BillLength = 46f; BillDepth = 15f; FlipperLength = 215f; BodyMass = 5000f }
    let prediction = predict penguin
    out.WriteLine $"a penguin with a 46 mm bill, 15 mm deep, 215 mm flippers and 5000 g: {prediction.PredictedLabel} (p = {Array.max prediction.Score:F3})"

    let path = Path.Combine(Path.GetTempPath(), $"fsharp-sample-{Guid.NewGuid():N}.zip")
    model |> ML.saveModel mlContext path train.Schema
    let loaded, _ = ML.loadModel mlContext path
    File.Delete path
    let reloaded = testRows |> List.map (ML.predictor<Penguin, SpeciesPrediction> mlContext loaded)
    let original = testRows |> List.map predict
    out.WriteLine $"saved and reloaded: identical predictions for the {testRows.Length} test rows: {reloaded = original}"

    let massPipeline =
        ML.pipeline
        |> ML.append (mlContext.Transforms.Categorical.OneHotEncoding("SpeciesOneHot", "Species"))
        |> ML.append (mlContext.Transforms.Concatenate("Features", "SpeciesOneHot", "BillLength", "BillDepth", "FlipperLength"))
        |> ML.append (mlContext.Transforms.NormalizeMinMax "Features")
        |> ML.append (ML.regression mlContext { options with LabelColumnName = "BodyMass" })
    let massModel = massPipeline |> ML.fit train
    // The table gives each penguin a build that its bill and flippers only partly reveal, so R² stays near 0.7.
    let massMetrics = massModel.Transform test |> ML.evaluateRegression mlContext "BodyMass"
    out.WriteLine $"body mass from species, bill and flippers: R² {massMetrics.RSquared:F3}, mean absolute error {massMetrics.MeanAbsoluteError / 1000.0:F3} kg"
    let estimate = ML.predictor<Penguin, MassPrediction> mlContext massModel { penguin with BodyMass = 0f }
    out.WriteLine $"the penguin above should weigh about {estimate.Score / 1000f:F2} kg"

// Expected output:
//   Penguins: 300 training and 120 test rows, 3 species
//   network [Dense 16; ReLU; Dense 3; Softmax]
//   trained 50 epochs; last training loss 0.037
//   micro accuracy 1.000  macro accuracy 1.000  log loss 0.015
//   confusion matrix (rows: true species, columns: predicted)
//     Adelie      40   0   0
//     Chinstrap    0  40   0
//     Gentoo       0   0  40
//   a penguin with a 46 mm bill, 15 mm deep, 215 mm flippers and 5000 g: Gentoo (p = 0.999)
//   saved and reloaded: identical predictions for the 120 test rows: True
//   body mass from species, bill and flippers: R² 0.731, mean absolute error 0.318 kg
//   the penguin above should weigh about 4.21 kg
