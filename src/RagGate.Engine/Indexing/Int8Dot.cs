using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RagGate.Engine.Indexing;

/// <summary>
/// Exact integer dot product of int8 codes with a query widened to int16. The codes are
/// sign-extended to int16 and multiplied pairwise into int32 (<c>vpmaddwd</c>): |c q| &lt;= 127 x 127,
/// so neither a product nor a pair sum can overflow, unlike the saturating u8 x s8 <c>vpmaddubsw</c>.
/// </summary>
internal static class Int8Dot
{
    public static int Dot(ReadOnlySpan<sbyte> codes, ReadOnlySpan<short> query)
    {
        if (codes.Length != query.Length)
        {
            throw new ArgumentException($"{codes.Length} codes against a {query.Length}-d query", nameof(query));
        }

        var i = 0;
        var sum = 0;
        ref var c = ref MemoryMarshal.GetReference(codes);
        ref var q = ref MemoryMarshal.GetReference(query);
        if (Avx512BW.IsSupported && codes.Length >= 32)
        {
            var acc = Vector512<int>.Zero;
            for (; i <= codes.Length - 32; i += 32)
            {
                var wide = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref Unsafe.Add(ref c, i)));
                acc = Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(wide, Vector512.LoadUnsafe(ref Unsafe.Add(ref q, i))));
            }

            sum = Vector512.Sum(acc);
        }
        else if (Avx2.IsSupported && codes.Length >= 16)
        {
            var acc = Vector256<int>.Zero;
            for (; i <= codes.Length - 16; i += 16)
            {
                var wide = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref Unsafe.Add(ref c, i)));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref Unsafe.Add(ref q, i))));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < codes.Length; i++)
        {
            sum += Unsafe.Add(ref c, i) * Unsafe.Add(ref q, i);
        }

        return sum;
    }
}
