using System.Globalization;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// A <c>successCondition</c> or <c>failureCondition</c>: the small subset of Argo Rollouts' expression language
/// RagGate evaluates over a measurement's <c>result</c>. Grammar (whitespace is free):
/// <code>
/// or         := and ( ("||" | "or") and )*
/// and        := not ( ("&amp;&amp;" | "and") not )*
/// not        := ("!" | "not") not | "(" or ")" | comparison
/// comparison := value ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") value
/// value      := "result." field | number          (number: 12, -0.5, 1e-3)
/// </code>
/// e.g. <c>result.errorRate &lt;= 0.01 &amp;&amp; result.p95 &lt; 500</c>. A comparison with an undefined (NaN) value is false.
/// </summary>
public sealed class ConditionExpression
{
    private readonly Func<IReadOnlyDictionary<string, double>, bool> _evaluate;

    private ConditionExpression(string text, IReadOnlyList<string> fields, Func<IReadOnlyDictionary<string, double>, bool> evaluate)
    {
        Text = text;
        Fields = fields;
        _evaluate = evaluate;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The <c>result</c> fields the expression reads, in order of first use.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>
    /// Parses <paramref name="text"/>, allowing only the <paramref name="fields"/> of <c>result</c>; throws
    /// <see cref="FormatException"/> with the column and what was expected.
    /// </summary>
    public static ConditionExpression Parse(string text, IReadOnlyCollection<string> fields)
    {
        var parser = new ConditionParser(text, fields);
        var evaluate = parser.ParseAll();
        return new ConditionExpression(text, parser.Used, evaluate);
    }

    /// <summary>True when <paramref name="result"/> meets the condition; every field used must be present.</summary>
    public bool Evaluate(IReadOnlyDictionary<string, double> result) => _evaluate(result);

    /// <summary>The expression as written.</summary>
    public override string ToString() => Text;

    /// <summary>Formats a number the way the grammar reads it back.</summary>
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
