using System.Globalization;
using System.Text;
using RagGate.Cli.Commands;

namespace RagGate.Cli.Tests.Commands.TrecEval;

/// <summary>
/// Odd but valid TREC files print exactly what trec_eval printed for the plain edge-cases fixture (ties,
/// graded and unjudged documents), and the inputs RagGate decides differently are rejected clearly.
/// </summary>
public sealed class TrecEvalCompatibilityTests : IDisposable
{
    private static readonly string[] Measures =
    [
        "-q", "-c", "-m", "recall.1,3,5,10,20,100", "-m", "P.1,3,5,10", "-m", "ndcg_cut.1,3,5,10,100",
        "-m", "recip_rank", "-m", "map", "-m", "map_cut.10,100", "-m", "success.1,5,10",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Variants => ["crlf", "bom", "tabs", "scientific", "extra-fields", "no-final-newline", "grade-1.0"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Run_OddButValidFiles_PrintTheSameNumbersAsTrecEval(string variant)
    {
        var qrels = File.ReadAllText(TrecEvalFixtures.Path("edge-cases", "qrels.txt"));
        var run = File.ReadAllText(TrecEvalFixtures.Path("edge-cases", "run.trec"));
        (qrels, run) = variant switch
        {
            "crlf" => (qrels.Replace("\n", "\r\n", StringComparison.Ordinal), run.Replace("\n", "\r\n", StringComparison.Ordinal)),
            "bom" => ("\uFEFF" + qrels, "\uFEFF" + run),
            "tabs" => (qrels.Replace(' ', '\t'), run.Replace(' ', '\t')),
            "scientific" => (qrels, MapLines(run, f => f[4] = double.Parse(f[4], CultureInfo.InvariantCulture).ToString("E6", CultureInfo.InvariantCulture))),
            "extra-fields" => (qrels, MapLines(run, f => f[5] += " extra 7 8")),
            "no-final-newline" => (qrels.TrimEnd('\n'), run.TrimEnd('\n')),
            "grade-1.0" => (MapLines(qrels, f => f[3] += ".0"), run),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        Assert.NotEqual(File.ReadAllText(TrecEvalFixtures.Path("edge-cases", "run.trec")) + File.ReadAllText(TrecEvalFixtures.Path("edge-cases", "qrels.txt")), run + qrels);

        var (code, stdout, stderr) = Run(qrels, run);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllLines(TrecEvalFixtures.Path("edge-cases", "expected.txt")), stdout.Split('\n')[..^1]);
    }

    [Fact]
    public void Run_CarriageReturnOnlyLineEndings_RejectedAtTheLine()
    {
        var qrels = File.ReadAllText(TrecEvalFixtures.Path("edge-cases", "qrels.txt")).Replace('\n', '\r');

        var (code, _, stderr) = Run(qrels, File.ReadAllText(TrecEvalFixtures.Path("edge-cases", "run.trec")));

        Assert.Equal(2, code);
        Assert.Matches(@"qrels\.txt:1: a carriage return \(CR\) ends a line inside this one; expected LF or CRLF line endings", stderr);
    }

    [Theory]
    [InlineData("q1 0 d1 1.5\n", "relevance '1.5' is not a whole number")]
    [InlineData("q1 0 d1 2147483648\n", "relevance '2147483648' is out of range")]
    [InlineData("q1 0 d1 1\nq1 0 d2\u00001\n", "qrels.txt:2: the line holds a NUL byte")]
    public void Run_GradesAndBytesTrecEvalReadsLoosely_RejectedWithTheCause(string qrels, string expected)
    {
        var (code, _, stderr) = Run(qrels, "q1 Q0 d1 1 1.0 t\n");

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_Utf16Qrels_NamedAsUtf16()
    {
        var path = Path.Combine(_folder.Path, "qrels.txt");
        File.WriteAllText(path, "q1 0 d1 1\n", Encoding.Unicode);
        var runPath = _folder.Write("run.trec", "q1 Q0 d1 1 1.0 t\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = TrecEvalCommandLine.Run(["-m", "recall.10", path, runPath], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("qrels.txt:1: the file is UTF-16 encoded; expected UTF-8", stderr.ToString(), StringComparison.Ordinal);
    }

    private (int Code, string Stdout, string Stderr) Run(string qrels, string run)
    {
        var qrelsPath = _folder.Write("qrels.txt", qrels);
        var runPath = _folder.Write("run.trec", run);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = TrecEvalCommandLine.Run([.. Measures, qrelsPath, runPath], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string MapLines(string text, Action<string[]> change)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = lines[i].Split(' ');
            change(fields);
            lines[i] = string.Join(' ', fields);
        }
        return string.Join('\n', lines);
    }
}
