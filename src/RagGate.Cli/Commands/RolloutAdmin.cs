using RagGate.Evaluation;
using RagGate.Server.Rollouts.Control;

namespace RagGate.Cli.Commands;

/// <summary>Sends a command to the running controller's admin endpoint (its loopback address is in the journal).</summary>
internal static class RolloutAdmin
{
    public static async Task<int> PostAsync(RolloutJournal journal, string path, string done, CancellationToken cancellationToken)
    {
        if (journal.AdminUrl is not { } admin)
        {
            throw new InputException($"rollout {journal.Name}: {journal.Phase} but no controller is running; expected raggate rollout start to resume it first");
        }

        using var client = new HttpClient { BaseAddress = new Uri(admin), Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), null, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new InputException($"{admin}{path}: the controller answered {(int)response.StatusCode}; expected 202");
        }
        catch (HttpRequestException e)
        {
            throw new InputException($"{admin}: the controller does not answer ({e.Message}); expected raggate rollout start running for this state folder");
        }

        Console.WriteLine(done);
        return 0;
    }
}
