namespace RagGate.Cli.Tests.InputFuzzing;

/// <summary>Tests that redirect the process's console run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
