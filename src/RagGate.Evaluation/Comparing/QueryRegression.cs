namespace RagGate.Evaluation.Comparing;

/// <summary>A query that scored lower in the candidate, and the relevant documents it lost.</summary>
public sealed class QueryRegression
{
    /// <summary>Query id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Query text.</summary>
    public string Query { get; set; } = "";

    /// <summary>Metric that dropped.</summary>
    public string Metric { get; set; } = "";

    /// <summary>Baseline value.</summary>
    public double Baseline { get; set; }

    /// <summary>Candidate value.</summary>
    public double Candidate { get; set; }

    /// <summary>Relevant documents whose rank got worse or that fell out of the results.</summary>
    public List<LostDocument> Lost { get; set; } = [];

    /// <summary>Why the query got worse, in one sentence (lost documents, or lost keywords).</summary>
    public string Reason { get; set; } = "";

    /// <summary>Documents retrieved at the top by the candidate instead.</summary>
    public List<string> CandidateTop { get; set; } = [];
}
