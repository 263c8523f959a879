using System.Runtime.CompilerServices;

namespace NNTrainer.Cli.Data;

/// <summary>
/// Parses the plain decimals tabular files are mostly made of (<c>-12.345</c>: a sign, up to 15 digits, one point)
/// several times faster than <see cref="float.TryParse(ReadOnlySpan{char}, System.Globalization.NumberStyles, IFormatProvider, out float)"/>,
/// with the same result: the digits are an exact integer m and the value m / 10^k is correctly rounded to double;
/// rounding that double to float is then correct unless it lies exactly halfway between two floats, and that case
/// (like every other form: exponents, more digits, "Infinity") is left to <c>float.TryParse</c>.
/// </summary>
internal static class DecimalParser
{
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>Parses a plain decimal; false means "not in the plain form", not "not a number".</summary>
    // Runs once per row or field of a million-row file: compiled optimised at once instead of spending the first
    // seconds in the unoptimised and instrumented tiers, worst on one core (docs/scale.md, "Round 5").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParsePlain(ReadOnlySpan<char> text, out float value)
    {
        value = 0;
        // The sign without a branch: in a column of signed values it is a coin toss a branch would mispredict half the time.
        int first = text.IsEmpty ? 0 : text[0];
        int negative = first == '-' ? 1 : 0;
        int i = negative | (first == '+' ? 1 : 0);
        // Integer digits, then (after one point) fraction digits: two tight loops instead of a state test per digit.
        long mantissa = 0;
        int start = i;
        for (; i < text.Length; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9) break;
            mantissa = mantissa * 10 + d;
        }
        int digits = i - start, fraction = -1;
        if (i < text.Length)
        {
            if (text[i] != '.') return false;
            int point = ++i;
            for (; i < text.Length; i++)
            {
                uint d = (uint)(text[i] - '0');
                if (d > 9) return false;
                mantissa = mantissa * 10 + d;
            }
            fraction = i - point;
            digits += fraction;
        }
        if (digits == 0 || digits > 15) return false;
        double exact = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        if (IsFloatMidpoint(exact)) return false;
        value = (float)BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(exact) ^ ((long)negative << 63));
        return true;
    }

    /// <summary>Whether a double lies exactly halfway between two adjacent floats (its 29 extra bits are 1000…0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsFloatMidpoint(double x) => (BitConverter.DoubleToInt64Bits(x) & 0x1FFFFFFF) == 0x10000000;
}
