using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RagGate.Server.Hosting;

namespace RagGate.Server.Hardening;

/// <summary>Lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c> equal to the configured admin token (compared in constant time).</summary>
internal sealed class BearerTokenFilter(IOptions<RagServerOptions> options) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(title: "Unauthorized", detail: "Expected an Authorization: Bearer header with the admin token.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var expected = Encoding.UTF8.GetBytes(options.Value.AdminToken ?? "");
        var given = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return TypedResults.Problem(title: "Forbidden", detail: "The admin token is wrong.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
