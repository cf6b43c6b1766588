using System.Globalization;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Running;

/// <summary>Money spent so far by a run, and the reason to stop once it is over <c>eval.max_cost</c>.</summary>
internal sealed class CostBudget(RunOptions options)
{
    private readonly Lock _gate = new();
    private double _spent;

    /// <summary>Money spent so far, when the run has a budget; null without one.</summary>
    public double? Spent => options.MaxCost is null || options.CostOf is null ? null : _spent;

    /// <summary>Set once the budget is exceeded: why the run stopped.</summary>
    public string? Exceeded { get; private set; }

    /// <summary>Adds one answer's cost; returns false once the run is over budget.</summary>
    public bool Spend(TokenUsage usage, int done, int planned)
    {
        if (options.CostOf is null || options.MaxCost is not { } max) return true;
        lock (_gate)
        {
            _spent += options.CostOf(usage);
            if (_spent > max && Exceeded is null)
            {
                Exceeded = string.Create(CultureInfo.InvariantCulture,
                    $"eval.max_cost: spent {_spent:0.######} {options.Currency}, over the budget of {max:0.######} {options.Currency}; stopped after {done} of {planned} measured requests");
            }

            return Exceeded is null;
        }
    }
}
