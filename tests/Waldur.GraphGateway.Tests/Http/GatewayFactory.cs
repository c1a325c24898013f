using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Waldur.GraphGateway.Tests.Http;

/// <summary>
/// The real gateway in memory (its entry point found through a gateway type: both projects have a top-level Program), with settings as an operator would give them. Waldur:BaseUrl points at a closed
/// loopback port unless a test sets it, so transport tests never start the embedded emulator.
/// </summary>
public sealed class GatewayFactory(
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Production") : WebApplicationFactory<Waldur.GraphGateway.Http.GraphQLHttpOptions>
{
    public const string ClosedWaldurUrl = "http://127.0.0.1:9/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        var all = new Dictionary<string, string?> { ["Waldur:BaseUrl"] = ClosedWaldurUrl };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // A null value means "not configured": it is left out rather than set to null, which would shadow
        // values the gateway itself adds to its configuration (the embedded emulator's address).
        foreach (var (key, value) in all.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
