using System.Globalization;
using Spectre.Console;

namespace RagGate.Cli.Hosting;

/// <summary>
/// Honours the <c>COLUMNS</c> convention when output is redirected: Spectre.Console then assumes 80
/// columns, which wraps metric names and intervals in CI logs; a CI step can set <c>COLUMNS=160</c>.
/// </summary>
internal static class ConsoleWidth
{
    public static void Apply()
    {
        if (!Console.IsOutputRedirected)
            return;
        var columns = Environment.GetEnvironmentVariable("COLUMNS");
        if (int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width is >= 40 and <= 1000)
            AnsiConsole.Profile.Width = width;
    }
}
