using System.Net;

namespace RagGate.Server.Tests.Hardening;

/// <summary>CORS is off unless <c>server.cors_origins</c> names origins, and then only those are allowed.</summary>
[Collection(SampleKbCollection.Name)]
public sealed class CorsTests(SampleKb sample)
{
    [Fact]
    public async Task Preflight_DefaultConfig_AllowsNoOrigin()
    {
        await using var server = new ServerFactory(sample.WriteConfig("raggate.cors-default.yaml"));
        await server.WaitReadyAsync();
        using var client = server.CreateClient();

        using var preflight = await client.SendAsync(Preflight("https://app.example.com"));
        using var post = await client.SendAsync(Post("https://app.example.com"));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.False(post.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_ConfiguredOrigin_AllowsThatOriginOnly()
    {
        await using var server = new ServerFactory(sample.WriteConfig("raggate.cors-on.yaml", "server:\n  cors_origins: [https://app.example.com]\n"));
        await server.WaitReadyAsync();
        using var client = server.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://app.example.com"));
        using var other = await client.SendAsync(Preflight("https://evil.example.net"));

        Assert.Equal("https://app.example.com", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/retrieve");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static HttpRequestMessage Post(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/retrieve")
        {
            Content = new StringContent("""{"query":"How do I reset my password?","k":3}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        return request;
    }
}
