using System.Globalization;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>
/// Parses a relevance grade the way every judgment file shares: a whole number, written <c>1</c> or
/// <c>1.0</c> (real qrels files hold both; trec_eval reads <c>1.0</c> as 1), within the 32-bit range.
/// </summary>
internal static class RelevanceGrade
{
    /// <summary>Parses <paramref name="text"/>, or says in <paramref name="error"/> what is wrong and what is expected.</summary>
    public static bool TryParse(string text, bool allowNegative, out int grade, out string error)
    {
        grade = 0;
        var range = allowNegative ? "a whole number" : "a whole number of at least 0";
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            error = $"relevance '{text}' is not a number; expected {range} (e.g. 0, 1, 2)";
            return false;
        }
        if (value != decimal.Truncate(value))
        {
            error = $"relevance '{text}' is not a whole number; expected {range} (e.g. 0, 1, 2)";
            return false;
        }
        if (value > int.MaxValue || value < int.MinValue || (!allowNegative && value < 0))
        {
            error = $"relevance '{text}' is out of range; expected a whole number from {(allowNegative ? int.MinValue : 0).ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }
        grade = (int)value;
        error = "";
        return true;
    }
}
