using RagGate.Evaluation.Metrics.TrecEval;

namespace RagGate.Evaluation.Tests.Metrics.TrecEval;

public sealed class TrecEvalResultTests
{
    [Fact]
    public void Write_ExactHalfwayValues_RoundHalfToEvenLikePrintf()
    {
        // 1/32 = 0.03125 and 5/32 = 0.15625 are exact in binary; C's %6.4f prints 0.0312 and 0.1562.
        var result = new TrecEvalResult(["P_1"], ["q1", "q2"], [[0.03125], [0.15625]]);
        using var writer = new StringWriter();

        result.Write(writer, perQuery: true);

        Assert.Equal("P_1                   \tq1\t0.0312\nP_1                   \tq2\t0.1562\nP_1                   \tall\t0.0938\n", writer.ToString());
    }

    [Fact]
    public void Write_NameLongerThanThePad_IsPrintedWhole()
    {
        var result = new TrecEvalResult(["ndcg_cut_1000000000000000"], ["q1"], [[1.0]]);
        using var writer = new StringWriter();

        result.Write(writer, perQuery: false);

        Assert.Equal("ndcg_cut_1000000000000000\tall\t1.0000\n", writer.ToString());
    }
}
