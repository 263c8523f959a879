/// Central differences of a float64 function and the comparison of the engine's float32 gradients with them.
module NNTrainer.FSharp.Tests.Support.GradientCheck

/// ∂f/∂x by central differences, (f(x + h) − f(x − h)) / 2h with h = 1e−6·max(1, |x|): in float64 the
/// truncation error (≈ h²) and the rounding error (≈ 1e−16/h) are both far below the tolerance used.
let numerical (f: float[] -> float) (x: float[]) =
    Array.init x.Length (fun i ->
        let h = 1e-6 * max 1.0 (abs x[i])
        let shifted delta =
            let copy = Array.copy x
            copy[i] <- x[i] + delta
            f copy
        (shifted h - shifted -h) / (2.0 * h))

/// Relative tolerance for float32 results against float64 references on small shapes: float32 rounds at
/// 6e−8, and small sums stay well below 1e−5 relative, while any wrong term, factor or sign is off by ≥ 1e−2.
let tolerance = 1e-4

/// Fails, naming the element and both values, unless |actual − expected| ≤ tolerance·(1 + |expected|).
let assertClose (what: string) (expected: float[]) (actual: float32[]) =
    if expected.Length <> actual.Length then
        failwith $"{what}: expected {expected.Length} values, got {actual.Length}"
    for i in 0 .. expected.Length - 1 do
        let e, a = expected[i], float actual[i]
        if not (abs (a - e) <= tolerance * (1.0 + abs e)) then
            failwith $"{what}[{i}]: engine {a:R}, reference {e:R} (difference {a - e:G3})"

/// Fails unless a scalar matches its reference within the same tolerance.
let assertCloseScalar (what: string) (expected: float) (actual: float) =
    if not (abs (actual - expected) <= tolerance * (1.0 + abs expected)) then
        failwith $"{what}: engine {actual:R}, reference {expected:R}"

/// The first n values of a matrix (its buffer can be longer than its rows).
let values (m: NNTrainer.Tensors.Matrix) = m.AsSpan().ToArray()
