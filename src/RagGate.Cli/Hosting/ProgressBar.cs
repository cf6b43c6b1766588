using System.Diagnostics;
using Spectre.Console;

namespace RagGate.Cli.Hosting;

/// <summary>
/// A progress bar with rate and ETA on a terminal, and plain lines (every 10%) when output is
/// redirected, so CI logs stay readable.
/// </summary>
internal sealed class ProgressBar
{
    private readonly string _unit;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _lastDecile = -1;

    private ProgressBar(string unit) => _unit = unit;

    /// <summary>True when stderr is an interactive terminal.</summary>
    public static bool Interactive => !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/>, showing its progress reports under <paramref name="title"/>.</summary>
    public static async Task<T> RunAsync<T>(string title, string unit, Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        if (!Interactive)
        {
            var bar = new ProgressBar(unit);
            return await work(new Progress<(int Done, int Total)>(p => bar.Plain(title, p.Done, p.Total)));
        }

        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(unit), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                return await work(new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
            });
    }

    /// <summary>
    /// A one-line bar redrawn in place on a terminal, for work that reports progress but does not end
    /// with it (the server's index build at start, after which it keeps serving); null when output is
    /// redirected, where the work's own log lines say the same.
    /// </summary>
    public static IProgress<(int Done, int Total)>? Line(string title, string unit) => Interactive ? new LineProgress(title, unit) : null;

    private void Plain(string title, int done, int total)
    {
        var decile = total == 0 ? 10 : done * 10 / total;
        if (decile == _lastDecile) return;
        _lastDecile = decile;
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        Console.Error.WriteLine($"{title}: {done}/{total} {_unit} ({rate:0.0} {_unit}/s, ETA {eta:mm\\:ss})");
    }

    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }

    private sealed class LineProgress(string title, string unit) : IProgress<(int Done, int Total)>
    {
        private const int Width = 30;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report((int Done, int Total) value)
        {
            var (done, total) = value;
            var share = total == 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
            var filled = (int)(share * Width);
            var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            var bar = new string('#', filled) + new string('-', Width - filled);
            lock (this)
            {
                Console.Error.Write($"\r{title} [{bar}] {done}/{total} {unit} ({rate:0.0}/s) ");
                if (done >= total) Console.Error.WriteLine();
            }
        }
    }

    private sealed class RateColumn(string unit) : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Speed ?? 0:0.0} {unit}/s", new Style(Color.Grey));
    }
}
