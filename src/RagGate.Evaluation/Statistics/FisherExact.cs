namespace RagGate.Evaluation.Statistics;

/// <summary>Fisher's exact test on a 2x2 table of errors and requests, exact at any count (no normal approximation).</summary>
public static class FisherExact
{
    /// <summary>
    /// One-sided p-value that sample A's error rate exceeds sample B's: with the margins fixed, A's error count
    /// follows the hypergeometric distribution (N = nA + nB requests, K = eA + eB errors, nA draws), and
    /// p = P(X &gt;= eA) = sum over x from eA of C(K, x)·C(N - K, nA - x) / C(N, nA). 1 when there are no errors.
    /// </summary>
    public static double OneSidedGreater(int errorsA, int totalA, int errorsB, int totalB)
    {
        Check(errorsA, totalA, nameof(errorsA));
        Check(errorsB, totalB, nameof(errorsB));
        var n = totalA + totalB;
        var k = errorsA + errorsB;
        if (k == 0 || totalA == 0 || totalB == 0)
            return 1.0;
        var logDenominator = LogChoose(n, totalA);
        var upper = Math.Min(k, totalA);
        var p = 0.0;
        for (var x = errorsA; x <= upper; x++)
        {
            if (totalA - x > n - k) continue;
            p += Math.Exp(LogChoose(k, x) + LogChoose(n - k, totalA - x) - logDenominator);
        }
        return Math.Clamp(p, 0.0, 1.0);
    }

    private static double LogChoose(int n, int k) =>
        LogGamma.LogFactorial(n) - LogGamma.LogFactorial(k) - LogGamma.LogFactorial(n - k);

    private static void Check(int errors, int total, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (errors < 0 || errors > total)
            throw new ArgumentOutOfRangeException(name, errors, "Errors must be between 0 and the total.");
    }
}
