using System.Globalization;
using RagGate.Evaluation.Config;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>Recursive-descent parser of <see cref="ConditionExpression"/>'s grammar into a closure.</summary>
internal sealed class ConditionParser(string text, IReadOnlyCollection<string> fields)
{
    private const string Prefix = "result.";
    private int _at;

    /// <summary>The fields read so far, in order of first use.</summary>
    public List<string> Used { get; } = [];

    public Func<IReadOnlyDictionary<string, double>, bool> ParseAll()
    {
        if (string.IsNullOrWhiteSpace(text))
            throw Expected("a condition such as result.errorRate <= 0.01");
        var expression = Or();
        SkipSpace();
        return _at < text.Length ? throw Expected("&&, || or the end of the condition") : expression;
    }

    private Func<IReadOnlyDictionary<string, double>, bool> Or()
    {
        var left = And();
        while (Accept("||") || AcceptWord("or"))
        {
            var (a, b) = (left, And());
            left = r => a(r) || b(r);
        }
        return left;
    }

    private Func<IReadOnlyDictionary<string, double>, bool> And()
    {
        var left = Not();
        while (Accept("&&") || AcceptWord("and"))
        {
            var (a, b) = (left, Not());
            left = r => a(r) && b(r);
        }
        return left;
    }

    private Func<IReadOnlyDictionary<string, double>, bool> Not()
    {
        if (AcceptWord("not") || (Peek("!") && !Peek("!=") && Accept("!")))
        {
            var inner = Not();
            return r => !inner(r);
        }
        if (Accept("("))
        {
            var inner = Or();
            return Accept(")") ? inner : throw Expected("')'");
        }
        return Comparison();
    }

    private Func<IReadOnlyDictionary<string, double>, bool> Comparison()
    {
        var left = Value();
        string[] operators = ["<=", ">=", "==", "!=", "<", ">"];
        var op = operators.FirstOrDefault(Accept) ?? throw Expected("a comparison (<, <=, >, >=, ==, !=)");
        var right = Value();
        return op switch
        {
            "<=" => r => left(r) <= right(r),
            ">=" => r => left(r) >= right(r),
            "==" => r => left(r) == right(r),
            "!=" => r => left(r) != right(r),
            "<" => r => left(r) < right(r),
            _ => r => left(r) > right(r),
        };
    }

    private Func<IReadOnlyDictionary<string, double>, double> Value()
    {
        SkipSpace();
        var start = _at;
        if (string.CompareOrdinal(text, _at, Prefix, 0, Prefix.Length) == 0)
        {
            _at += Prefix.Length;
            var name = Word();
            if (!fields.Contains(name))
            {
                _at = start + Prefix.Length;
                throw Expected($"a field of result; '{name}' is unknown: {KeyNames.Suggest(name, fields)}");
            }
            if (!Used.Contains(name)) Used.Add(name);
            return r => r[name];
        }
        while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] is '.' or '-' or '+' or 'e' or 'E'))
            _at++;
        if (_at > start && double.TryParse(text.AsSpan(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return _ => number;
        _at = start;
        throw Expected("result.<field> or a number");
    }

    private string Word()
    {
        var start = _at;
        while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '_'))
            _at++;
        return text[start.._at];
    }

    private bool Peek(string token)
    {
        SkipSpace();
        return string.CompareOrdinal(text, _at, token, 0, token.Length) == 0;
    }

    private bool Accept(string token)
    {
        if (!Peek(token)) return false;
        _at += token.Length;
        return true;
    }

    private bool AcceptWord(string word)
    {
        if (!Peek(word)) return false;
        var end = _at + word.Length;
        if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.')) return false;
        _at = end;
        return true;
    }

    private void SkipSpace()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            _at++;
    }

    private FormatException Expected(string what) =>
        new($"at column {(_at + 1).ToString(CultureInfo.InvariantCulture)} of '{text}': expected {what}");
}
