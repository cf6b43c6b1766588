namespace RagGate.Evaluation.Tests.Architecture.Sample.Lower;

/// <summary>A type another sample namespace uses only inside a method body.</summary>
internal static class Callee
{
    public static int Value() => 1;
}
