namespace NNTrainer.Tensors;

/// <summary>
/// A compile-time integer for specialising the register-tile kernels: the JIT compiles one body per value type
/// argument and removes the branches on <see cref="Value"/> that are false, so each tile shape gets straight-line
/// code with exactly the accumulators it needs.
/// </summary>
internal interface ITileConstant
{
    static abstract int Value { get; }
}

internal readonly struct Zero : ITileConstant { public static int Value => 0; }
internal readonly struct One : ITileConstant { public static int Value => 1; }
internal readonly struct Two : ITileConstant { public static int Value => 2; }
internal readonly struct Three : ITileConstant { public static int Value => 3; }
internal readonly struct Four : ITileConstant { public static int Value => 4; }
internal readonly struct Five : ITileConstant { public static int Value => 5; }
internal readonly struct Six : ITileConstant { public static int Value => 6; }
internal readonly struct Seven : ITileConstant { public static int Value => 7; }
internal readonly struct Eight : ITileConstant { public static int Value => 8; }
internal readonly struct Nine : ITileConstant { public static int Value => 9; }
internal readonly struct Ten : ITileConstant { public static int Value => 10; }
internal readonly struct Eleven : ITileConstant { public static int Value => 11; }
internal readonly struct Twelve : ITileConstant { public static int Value => 12; }
internal readonly struct Thirteen : ITileConstant { public static int Value => 13; }
internal readonly struct Fourteen : ITileConstant { public static int Value => 14; }
internal readonly struct Fifteen : ITileConstant { public static int Value => 15; }
internal readonly struct Sixteen : ITileConstant { public static int Value => 16; }
internal readonly struct Seventeen : ITileConstant { public static int Value => 17; }
internal readonly struct Eighteen : ITileConstant { public static int Value => 18; }
internal readonly struct Nineteen : ITileConstant { public static int Value => 19; }
internal readonly struct Twenty : ITileConstant { public static int Value => 20; }
internal readonly struct TwentyOne : ITileConstant { public static int Value => 21; }
internal readonly struct TwentyTwo : ITileConstant { public static int Value => 22; }
internal readonly struct TwentyThree : ITileConstant { public static int Value => 23; }
internal readonly struct TwentyFour : ITileConstant { public static int Value => 24; }
internal readonly struct TwentyFive : ITileConstant { public static int Value => 25; }
internal readonly struct TwentySix : ITileConstant { public static int Value => 26; }
internal readonly struct TwentySeven : ITileConstant { public static int Value => 27; }
internal readonly struct TwentyEight : ITileConstant { public static int Value => 28; }
internal readonly struct TwentyNine : ITileConstant { public static int Value => 29; }
internal readonly struct Thirty : ITileConstant { public static int Value => 30; }
internal readonly struct ThirtyOne : ITileConstant { public static int Value => 31; }
