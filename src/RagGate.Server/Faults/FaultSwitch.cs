using RagGate.Engine.Configuration;
using RagGate.Evaluation;

namespace RagGate.Server.Faults;

/// <summary>The <c>--allow-faults</c> switch: without it a config with a <c>faults:</c> section is refused at start.</summary>
internal static class FaultSwitch
{
    /// <summary>The command-line switch.</summary>
    public const string Argument = "--allow-faults";

    /// <summary>The configuration key the switch sets (a test host sets it directly).</summary>
    public const string Key = "allow-faults";

    /// <summary>The arguments with the bare switch turned into <c>--allow-faults=true</c>, which configuration can read.</summary>
    public static string[] Normalize(string[] args) => [.. args.Select(a => a == Argument ? $"{Argument}=true" : a)];

    /// <summary>Throws the one-line refusal when faults are configured but not allowed.</summary>
    public static void Check(RagGateConfig config, IConfiguration configuration)
    {
        if (config.Evaluation.Faults is { } faults && !configuration.GetValue<bool>(Key))
        {
            throw new InputException($"{faults.Source}: faults: refused; expected the server to be started with {Argument} (faults are for drills and tests)");
        }
    }
}
