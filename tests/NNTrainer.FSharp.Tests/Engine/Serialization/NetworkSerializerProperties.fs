/// The model format round-trips any network bit for bit: parameters, optimizer state, the random source,
/// and therefore predictions and further training.
module NNTrainer.FSharp.Tests.Engine.Serialization.NetworkSerializerProperties

open System
open System.IO
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open NNTrainer.FSharp
open NNTrainer.FSharp.Tests.Support
open NNTrainer.FSharp.Tests.Support.Generators
open NNTrainer.FSharp.Tests.Support.ModelGenerators

type RoundTripCase =
    { Case: ModelCase
      Options: TrainOptions
      /// Epochs trained before saving (0 leaves the optimizer without state).
      Trained: bool
      /// Weights written over the trained ones, drawn from every kind of finite float32; None keeps them.
      Weights: float32[][] option
      /// Samples to predict, [n × InputSize], row-major.
      Probe: float32[] }

let private roundTripCase =
    gen {
        let! case = modelCase
        let! options = trainOptions case.Samples
        let! trained = Gen.elements [ true; false ]
        let network = Network.build case.InputSize case.Model
        let sizes = network.Parameters |> Seq.map (fun p -> p.Values.Length) |> List.ofSeq
        let! overwrite = Gen.elements [ true; false ]
        let! weights = sizes |> List.map (fun n -> arrayOf n anyFinite) |> Gen.sequenceToList
        let! probe = Gen.choose (1, 5) |> Gen.bind (fun n -> arrayOf (n * case.InputSize) (float32In -2.0 2.0))
        return
            { Case = case
              Options = { options with Validation = NoValidation }
              Trained = trained
              Weights = if overwrite then Some(Array.ofList weights) else None
              Probe = probe }
    }

let private bits (values: float32[] | null) =
    match values with
    | null -> None
    | v -> Some(Array.map BitConverter.SingleToInt32Bits v)

let private save (network: Network) =
    use stream = new MemoryStream()
    network.Save(stream: Stream)
    stream.ToArray()

let private load (bytes: byte[]) =
    use stream = new MemoryStream(bytes)
    NNTrainer.Training.Network.Load(stream: Stream)

/// The network a case describes, trained and overwritten as the case says.
let private prepare (c: RoundTripCase) =
    let network = Network.build c.Case.InputSize c.Case.Model
    if c.Trained then Network.train c.Options c.Case.Data network |> ignore
    c.Weights
    |> Option.iter (fun weights -> Seq.iter2 (fun (p: NNTrainer.Layers.Parameter) (w: float32[]) -> Array.blit w 0 p.Values 0 w.Length) network.Parameters weights)
    network

let private predictBits (c: RoundTripCase) (network: Network) =
    let inputs = NNTrainer.Tensors.Matrix(c.Probe.Length / c.Case.InputSize, c.Case.InputSize, Array.copy c.Probe)
    network.Predict(inputs).AsSpan().ToArray() |> Array.map BitConverter.SingleToInt32Bits

[<Property(MaxTest = 600)>]
let ``save and load reproduce every value, optimizer state and prediction bit for bit`` () =
    Prop.forAll (Arb.fromGen roundTripCase) (fun c ->
        let original = prepare c
        let bytes = save original
        let loaded = load bytes
        Assert.Equal<byte[]>(bytes, save loaded)
        Assert.Equal(Network.describe original, Network.describe loaded)
        Assert.Equal(original.Parameters.Count, loaded.Parameters.Count)
        for a, b in Seq.zip original.Parameters loaded.Parameters do
            Assert.Equal(bits a.Values, bits b.Values)
            Assert.Equal(bits a.Momentums, bits b.Momentums)
            Assert.Equal(bits a.Cache, bits b.Cache)
        let optimizerA, optimizerB = nonNull original.Optimizer, nonNull loaded.Optimizer
        Assert.Equal<int[]>(predictBits c original, predictBits c loaded)
        Assert.Equal(optimizerA.Iterations, optimizerB.Iterations)
        let rate (o: NNTrainer.Optimizers.Optimizer) = BitConverter.SingleToInt32Bits o.CurrentLearningRate
        // The rate the last step used, then the rate the next step will use.
        Assert.Equal(rate optimizerA, rate optimizerB)
        optimizerA.PreUpdate()
        optimizerB.PreUpdate()
        Assert.Equal(rate optimizerA, rate optimizerB))

[<Property(MaxTest = 400)>]
let ``a loaded network trains on exactly as the original would`` () =
    let cases = roundTripCase |> Gen.map (fun c -> { c with Weights = None })
    Prop.forAll (Arb.fromGen cases) (fun c ->
        let original = prepare c
        let loaded = load (save original)
        // Dropout masks and shuffles draw from the random source, so this also checks its state was restored.
        let next = { c.Options with Shuffle = true; Epochs = 2 }
        Network.train next c.Case.Data original |> ignore
        Network.train next c.Case.Data loaded |> ignore
        Assert.Equal<byte[]>(save original, save loaded))
