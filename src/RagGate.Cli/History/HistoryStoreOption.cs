using System.CommandLine;

namespace RagGate.Cli.History;

/// <summary>The <c>--store</c> option of every <c>raggate history</c> subcommand.</summary>
internal static class HistoryStoreOption
{
    /// <summary>A new <c>--store</c> option (an option belongs to one command).</summary>
    public static Option<string?> Create() =>
        new("--store") { Description = "A SQLite file or postgres://user@host:port/db (default: $RAGGATE_STORE, else .raggate/history.db)" };
}
