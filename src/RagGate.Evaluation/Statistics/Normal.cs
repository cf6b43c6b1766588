namespace RagGate.Evaluation.Statistics;

/// <summary>The standard normal distribution's quantile function and upper tail, for z-based intervals, power and rank tests.</summary>
internal static class Normal
{
    /// <summary>
    /// The z with P(Z &lt;= z) = <paramref name="p"/>, by Acklam's rational approximation (relative error
    /// below 1.2e-9: z(0.975) = 1.959963985), ample for intervals reported to four decimals.
    /// </summary>
    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1 || double.IsNaN(p))
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is expected.");
        return Acklam(p);
    }

    /// <summary>
    /// P(Z &gt; z), from the complementary error function by the Chebyshev fit of Numerical Recipes' erfcc
    /// (fractional error below 1.2e-7 everywhere), accurate in the far tail where 1 - Φ(z) would cancel.
    /// </summary>
    public static double UpperTail(double z)
    {
        if (double.IsNaN(z))
            throw new ArgumentOutOfRangeException(nameof(z), z, "A number is expected.");
        return 0.5 * Erfc(z / Math.Sqrt(2));
    }

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    private static double Acklam(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low)
            return -Acklam(1 - p);
        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
