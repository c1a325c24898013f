using System.Net.Http.Headers;
using Waldur.Emulator.Data;

namespace Waldur.Emulator.Tests;

/// <summary>One emulator on a dynamic loopback port, driven over real HTTP.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public const string Token = "demo-token";

    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Dataset = app.Services.GetRequiredService<EmulatorDataset>();
    }

    public Uri BaseUri { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>, as the emulator writes it into urls when the Host header is that.</summary>
    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Authority);

    public EmulatorDataset Dataset { get; }

    /// <summary>The emulator's services (to ask its routing, e.g. which writes are hand-written).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<EmulatorHost> StartAsync(params string[] settings)
    {
        var app = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", .. settings]);
        await app.StartAsync();
        return new EmulatorHost(app, new Uri(app.Urls.First()));
    }

    /// <summary>A client that never follows redirects and sends <c>Authorization: Token demo-token</c> unless told not to.</summary>
    public HttpClient Client(string? authorization = "Token " + Token)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUri };
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The default emulator (150 images, 12 regions, seed 42), shared by the rule tests, which never change it.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync();
        Client = Host.Client();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator";
}

public static class HttpExtensions
{
    public static async Task<(HttpResponseMessage Response, string Body)> GetWithBodyAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(HttpResponseMessage Response, string Body)> SendWithBodyAsync(
        this HttpClient client, HttpMethod method, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        headers?.Invoke(request.Headers);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;
}
