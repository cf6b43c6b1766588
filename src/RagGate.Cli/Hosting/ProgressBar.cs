using System.Diagnostics;
using Spectre.Console;

namespace RagGate.Cli.Hosting;

/// <summary>
/// A progress bar with rate and ETA on a terminal, and plain lines (every 10%) when output is
/// redirected, so CI logs stay readable.
/// </summary>
internal sealed class ProgressBar
{
    private Stopwatch _clock = Stopwatch.StartNew();
    private string? _unit;
    private int _lastDecile = -1;
    private int _firstDone;

    /// <summary>True when stderr is an interactive terminal.</summary>
    public static bool Interactive => !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/>, showing its progress reports under <paramref name="title"/>.</summary>
    public static Task<T> RunAsync<T>(string title, string unit, Func<IProgress<(int Done, int Total)>, Task<T>> work) =>
        RunPhasesAsync(title, unit, phased => work(new SynchronousProgress<(int Done, int Total)>(p => phased.Report((p.Done, p.Total, unit)))));

    /// <summary>
    /// Runs <paramref name="work"/>, whose reports say what they count (<c>warm-up queries</c>, then
    /// <c>queries</c>): each phase is shown, counted and timed on its own, so warm-up is never read as the measured run.
    /// </summary>
    public static async Task<T> RunPhasesAsync<T>(string title, string rateUnit, Func<IProgress<(int Done, int Total, string Unit)>, Task<T>> work)
    {
        if (!Interactive)
        {
            var bar = new ProgressBar();
            return await work(new SynchronousProgress<(int Done, int Total, string Unit)>(p => bar.Plain(title, p.Done, p.Total, p.Unit)));
        }

        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(rateUnit), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                var unit = (string?)null;
                return await work(new SynchronousProgress<(int Done, int Total, string Unit)>(p =>
                {
                    if (p.Unit != unit)
                    {
                        // A new phase: its own bar, so the measured run's rate and ETA owe nothing to the warm-up.
                        if (unit is not null)
                        {
                            task.StopTask();
                            task = context.AddTask(title, maxValue: 1);
                        }

                        unit = p.Unit;
                        task.Description = p.Unit == rateUnit ? title : $"{title} ({Markup.Escape(p.Unit)})";
                    }

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

    private void Plain(string title, int done, int total, string unit)
    {
        // Concurrent clients report from several threads.
        lock (this)
        {
            PlainLocked(title, done, total, unit);
        }
    }

    private void PlainLocked(string title, int done, int total, string unit)
    {
        var first = unit != _unit;
        if (first)
        {
            // The clock starts at the first report, which already counts the work done before it: the rate is
            // measured from there (the first line once printed "142222222.2 docs/s" for a batch timed over nothing).
            (_unit, _lastDecile, _clock, _firstDone) = (unit, -1, Stopwatch.StartNew(), done);
        }

        var decile = total == 0 ? 10 : done * 10 / total;
        if (decile == _lastDecile) return;
        _lastDecile = decile;
        if (first)
        {
            // One report holds no rate yet; all the work in one report says only that it is done.
            Console.Error.WriteLine(done < total ? $"{title}: {done}/{total} {unit}" : $"{title}: {done}/{total} {unit} (done)");
            return;
        }

        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? (done - _firstDone) / seconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        Console.Error.WriteLine($"{title}: {done}/{total} {unit} ({rate:0.0} {unit}/s, ETA {eta:mm\\:ss})");
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
