using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;
using RagGate.Engine.Answering;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Answering;

/// <summary>
/// Protocol tests: <see cref="ChatClientAnswerer"/> over the real OpenAI client talks HTTP to a
/// local protocol peer (<see cref="ChatCompletionsProtocolPeer"/>) that speaks the chat-completions
/// wire format. The peer is not a model; these tests check what goes over the wire and how the
/// reply is read, not answer quality.
/// </summary>
public sealed class ChatClientAnswererProtocolTests : IAsyncDisposable
{
    private const string Model = "gpt-4o-mini";
    private const string Query = "How do I reset a forgotten password?";

    private readonly ChatCompletionsProtocolPeer _peer = ChatCompletionsProtocolPeer.Start();
    private readonly string _keyVariable = $"RAGGATE_TEST_KEY_{Guid.NewGuid():N}";
    private readonly string _key = $"sk-test-{Guid.NewGuid():N}";

    public ChatClientAnswererProtocolTests() => Environment.SetEnvironmentVariable(_keyVariable, _key);

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        await _peer.DisposeAsync();
    }

    [Fact]
    public async Task AnswerAsync_ChatCompletionsServer_SendsRenderedPromptModelAndKey()
    {
        _peer.ReplyContent = "Choose Forgot password on the sign-in page. [account/password-reset]";
        _peer.ReplyUsage = (1234, 56);

        var answer = await Answerer().AnswerAsync(Query, [Documents.PasswordReset(), Documents.TwoFactor()]);

        var request = Assert.Single(_peer.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.Path));
        Assert.Equal($"Bearer {_key}", request.Authorization);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(Model, body["model"]!.GetValue<string>());
        var messages = Messages(body);
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Contains(AnswerOptions.DefaultRefusal, messages[0].Content, StringComparison.Ordinal);
        Assert.Equal($"Context:\n{answer.Context}\n\nQuestion: {Query}", messages[1].Content);
        Assert.Contains($"[account/password-reset]\n{Documents.PasswordReset().Text}", messages[1].Content, StringComparison.Ordinal);
        Assert.Equal(_peer.ReplyContent, answer.Text);
        Assert.Equal(["account/password-reset"], answer.Citations);
        Assert.False(answer.Refused);
    }

    [Fact]
    public async Task AnswerAsync_ServerReportsUsage_ReportedUsageWins()
    {
        _peer.ReplyContent = "Choose Forgot password on the sign-in page. [account/password-reset]";
        _peer.ReplyUsage = (1234, 56);

        var answer = await Answerer().AnswerAsync(Query, [Documents.PasswordReset()]);

        Assert.Equal(1234, answer.Usage.PromptTokens);
        Assert.Equal(56, answer.Usage.CompletionTokens);
        Assert.Equal(TiktokenTokenizer.CreateForModel(Model).CountTokens(answer.Context), answer.Usage.ContextTokens);
    }

    [Fact]
    public async Task AnswerAsync_ServerReportsNoUsage_CountsWhatWasSent()
    {
        _peer.ReplyContent = "Use one of your backup codes to sign in. [account/two-factor]";
        _peer.ReplyUsage = null;
        var reference = TiktokenTokenizer.CreateForModel(Model);

        var answer = await Answerer().AnswerAsync(Query, [Documents.PasswordReset(), Documents.TwoFactor()]);

        var sent = Messages(JsonNode.Parse(Assert.Single(_peer.Requests).Body)!);
        var expectedPrompt = 3 + sent.Sum(m => 3 + reference.CountTokens(m.Role) + reference.CountTokens(m.Content));
        Assert.Equal(expectedPrompt, answer.Usage.PromptTokens);
        Assert.Equal(reference.CountTokens(_peer.ReplyContent), answer.Usage.CompletionTokens);
    }

    [Fact]
    public async Task AnswerAsync_ModelRepliesWithRefusal_MarksRefused()
    {
        // Without the final full stop, as models often reply.
        _peer.ReplyContent = "I don't know: the knowledge base does not cover this";
        _peer.ReplyUsage = (900, 12);

        var answer = await Answerer().AnswerAsync("What is the capital of Peru?", [Documents.Shipping()]);

        Assert.True(answer.Refused);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_CitationOutsideContext_IsNotCounted()
    {
        _peer.ReplyContent = "Reset it from the sign-in page [account/password-reset], see also [account/made-up].";
        _peer.ReplyUsage = (900, 20);

        var answer = await Answerer().AnswerAsync(Query, [Documents.PasswordReset()]);

        Assert.Equal(["account/password-reset"], answer.Citations);
        Assert.False(answer.Refused);
    }

    [Fact]
    public void CreateOpenAICompatible_KeyVariableMissing_ThrowsInputExceptionNamingIt()
    {
        var missing = $"RAGGATE_TEST_MISSING_{Guid.NewGuid():N}";

        var error = Assert.Throws<InputException>(() => ChatClientFactory.CreateOpenAICompatible(_peer.BaseUrl, Model, missing));

        Assert.Equal($"environment variable {missing} is not set; expected the API key for {_peer.BaseUrl}", error.Message);
    }

    private ChatClientAnswerer Answerer() =>
        new(ChatClientFactory.CreateOpenAICompatible(_peer.BaseUrl, Model, _keyVariable), new AnswerOptions { GenerationModel = Model });

    // The OpenAI client may send content as a string or as an array of text parts.
    private static List<(string Role, string Content)> Messages(JsonNode body) =>
        [.. body["messages"]!.AsArray().Select(m => (
            m!["role"]!.GetValue<string>(),
            m["content"] is JsonArray parts
                ? string.Concat(parts.Select(p => p!["text"]!.GetValue<string>()))
                : m["content"]!.GetValue<string>()))];
}
