namespace RagGate.Benchmarks;

/// <summary>Command-line options of the serve benchmark.</summary>
internal sealed record ServeBenchmarkOptions
{
    /// <summary>The published (or built) RagGate.Server.dll to load.</summary>
    public string Server { get; init; } = "";

    /// <summary>The sample folder copied for the run (its raggate.yaml is served).</summary>
    public string Sample { get; init; } = "samples/support-kb";

    /// <summary>Seconds of each saturation and half-saturation run.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>Seconds of the soak run (memory over time under load).</summary>
    public int SoakSeconds { get; init; } = 600;

    /// <summary>wrk connections.</summary>
    public int Connections { get; init; } = 16;

    public static ServeBenchmarkOptions Parse(string[] args)
    {
        var options = new ServeBenchmarkOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--server" => options with { Server = Path.GetFullPath(value) },
                "--sample" => options with { Sample = Path.GetFullPath(value) },
                "--seconds" => options with { Seconds = int.Parse(value) },
                "--soak-seconds" => options with { SoakSeconds = int.Parse(value) },
                "--connections" => options with { Connections = int.Parse(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; expected --server, --sample, --seconds, --soak-seconds, --connections"),
            };
        }

        if (!File.Exists(options.Server)) throw new ArgumentException("--server: expected the path of RagGate.Server.dll (dotnet publish src/RagGate.Server)");
        return options;
    }
}
