// Each benchmark is a static class named <Something>Benchmark with `public const string Name`
// and `public static Task<int> RunAsync(string[] args)`. They print figures; none is a test.
var benchmarks = typeof(Program).Assembly.GetTypes()
    .Where(t => t.Name.EndsWith("Benchmark", StringComparison.Ordinal))
    .Select(t => (Name: t.GetField("Name")?.GetRawConstantValue() as string, Run: t.GetMethod("RunAsync", [typeof(string[])])))
    .Where(b => b.Name is not null && b.Run is not null)
    .ToDictionary(b => b.Name!, b => b.Run!, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/RagGate.Benchmarks -- <benchmark> [options]");
    Console.Error.WriteLine("benchmarks: " + string.Join(", ", benchmarks.Keys.Order()));
    return 2;
}

return await (Task<int>)run.Invoke(null, [args[1..]])!;

/// <summary>Entry point of the benchmark runner.</summary>
internal sealed partial class Program;
