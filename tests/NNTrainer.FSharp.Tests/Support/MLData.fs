/// Small tables as F# records, for the ML.NET tests: each task's data is learned in well under a second.
module NNTrainer.FSharp.Tests.Support.MLData

open System
open Microsoft.ML.Data

/// A flower with a text class and three raw (unnormalised) measurements.
[<CLIMutable>]
type Flower =
    { Species: string
      Length: float32
      Width: float32
      Height: float32 }

/// What the multiclass pipeline predicts for a flower (after MapKeyToValue).
[<CLIMutable>]
type FlowerPrediction = { PredictedLabel: string; Score: float32[] }

/// A point with a Boolean label and a known-size feature vector.
[<CLIMutable>]
type Point =
    { Inside: bool
      [<VectorType(2)>]
      Features: float32[] }

/// What the binary model predicts for a point.
[<CLIMutable>]
type PointPrediction =
    { PredictedLabel: bool
      Score: float32
      Probability: float32 }

/// A house with a price in the hundreds of thousands.
[<CLIMutable>]
type House = { Size: float32; Age: float32; Price: float32 }

/// What the regression model predicts for a house.
[<CLIMutable>]
type HousePrediction = { Score: float32 }

let species = [| "setosa"; "versicolor"; "virginica" |]

let private noise (random: Random) = float32 (random.NextDouble() * 2.0 - 1.0)

/// Three well-separated classes.
let flowers (perClass: int) (seed: int) =
    let random = Random seed
    [ for _ in 1..perClass do
          for c in 0..2 ->
              { Species = species[c]
                Length = 10f + 5f * float32 c + noise random
                Width = 3f + 1.5f * float32 ((c * 2) % 3) + noise random
                Height = 50f + 10f * noise random } ]

/// Inside or outside a circle: not linearly separable.
let points (count: int) (seed: int) =
    let random = Random seed
    [ for _ in 1..count ->
          let x, y = noise random, noise random
          { Inside = x * x + y * y < 0.5f; Features = [| x; y |] } ]

/// A smooth price: size times a rate falling with age, plus noise.
let houses (count: int) (seed: int) =
    let random = Random seed
    [ for _ in 1..count ->
          let size = 40f + 160f * float32 (random.NextDouble())
          let age = 60f * float32 (random.NextDouble())
          { Size = size; Age = age; Price = size * (4000f - 30f * age) + 5000f * noise random } ]

/// An immutable record (no [<CLIMutable>]): ML.NET reads its properties as columns.
type Reading = { Sensor: string; Value: float32 }
