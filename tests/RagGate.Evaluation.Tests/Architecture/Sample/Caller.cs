using RagGate.Evaluation.Tests.Architecture.Sample.Lower;

namespace RagGate.Evaluation.Tests.Architecture.Sample.Upper;

/// <summary>Names <see cref="Callee"/> only in its body, never in a signature.</summary>
internal static class Caller
{
    public static int Call() => Callee.Value() + 1;
}
