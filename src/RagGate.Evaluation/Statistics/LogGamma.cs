namespace RagGate.Evaluation.Statistics;

/// <summary>ln Γ(x) and ln n!, for exact tests whose binomial coefficients overflow a double.</summary>
internal static class LogGamma
{
    private static readonly double[] Coefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln n!, exact by summation up to 256 (cached), by Lanczos beyond.</summary>
    public static double LogFactorial(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n < Small.Length ? Small[n] : Of(n + 1.0);
    }

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms; relative error about 1e-15).</summary>
    public static double Of(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - Of(1 - x);
        x -= 1;
        var a = Coefficients[0];
        var t = x + 7.5;
        for (var i = 1; i < Coefficients.Length; i++)
            a += Coefficients[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    private static readonly double[] Small = BuildSmall(256);

    private static double[] BuildSmall(int count)
    {
        var values = new double[count];
        for (var i = 2; i < count; i++)
            values[i] = values[i - 1] + Math.Log(i);
        return values;
    }
}
