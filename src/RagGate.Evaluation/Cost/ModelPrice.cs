namespace RagGate.Evaluation.Cost;

/// <summary>The list price of one generation model, in the price table's currency per million tokens.</summary>
/// <param name="Model">The model id as the price table names it.</param>
/// <param name="InputPerMillion">Price of one million prompt (input) tokens.</param>
/// <param name="OutputPerMillion">Price of one million completion (output) tokens.</param>
public sealed record ModelPrice(string Model, decimal InputPerMillion, decimal OutputPerMillion);
