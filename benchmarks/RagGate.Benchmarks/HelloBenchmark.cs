namespace RagGate.Benchmarks;

/// <summary>Checks the runner itself: prints the machine's core count.</summary>
internal static class HelloBenchmark
{
    public const string Name = "hello";

    public static Task<int> RunAsync(string[] args)
    {
        Console.WriteLine($"cores\t{Environment.ProcessorCount}");
        return Task.FromResult(0);
    }
}
