module FSharpSample.Program

open System

[<EntryPoint>]
let main args =
    match args with
    | [||] ->
        SpiralExample.run Console.Out
        Console.WriteLine()
        TableExample.run Console.Out
        0
    | [| "spiral" |] ->
        SpiralExample.run Console.Out
        0
    | [| "table" |] ->
        TableExample.run Console.Out
        0
    | _ ->
        eprintfn "usage: FSharpSample [spiral | table]"
        2
