using Microsoft.AspNetCore.Builder;
using Waldur.Emulator;

namespace Waldur.GraphGateway.ContractTests;

/// <summary>A caller of the suite: a role name for messages and the <c>Authorization</c> header it sends (gateway and REST alike).</summary>
public sealed record Caller(string Role, string Authorization)
{
    public override string ToString() => Role;
}

/// <summary>
/// The Waldur the suite runs against. With <c>WALDUR_BASE_URL</c> and <c>WALDUR_TOKEN</c> set: that Waldur (read-only, GET
/// and HEAD only), with the staff token and, when set, <c>WALDUR_OWNER_TOKEN</c> (a customer owner) and
/// <c>WALDUR_MEMBER_TOKEN</c> (a project member). Otherwise the Waldur emulator, in-process on a loopback port, started
/// with <c>WALDUR_CONTRACT_EMULATOR_ARGS</c> (space-separated, e.g. <c>--Emulator:Drift=waldur-7</c>) and its staff
/// <c>demo-token</c> plus an owner and a member it is told about here.
/// </summary>
public sealed class ContractTarget : IAsyncDisposable
{
    public const string OwnerToken = "contract-owner";
    public const string MemberToken = "contract-member";

    private readonly WebApplication? _emulator;

    private ContractTarget(Uri root, string description, IReadOnlyList<Caller> callers, WebApplication? emulator)
    {
        Root = root;
        Description = description;
        Callers = callers;
        _emulator = emulator;
    }

    /// <summary>Waldur's root (the descriptors' paths, <c>api/…/</c>, are relative to it); ends with '/'.</summary>
    public Uri Root { get; }

    public string Description { get; }

    /// <summary>Staff first, then the owner and the member where known.</summary>
    public IReadOnlyList<Caller> Callers { get; }

    public Caller Staff => Callers[0];

    public bool IsEmulator => _emulator is not null;

    public static async Task<ContractTarget> StartAsync()
    {
        var baseUrl = Environment.GetEnvironmentVariable("WALDUR_BASE_URL");
        var token = Environment.GetEnvironmentVariable("WALDUR_TOKEN");
        if (!string.IsNullOrWhiteSpace(baseUrl) && string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException($"WALDUR_BASE_URL is set ({baseUrl}) but WALDUR_TOKEN (a staff token) is not: the contract suite needs both to run against a Waldur.");
        }

        if (!string.IsNullOrWhiteSpace(baseUrl) && !string.IsNullOrWhiteSpace(token))
        {
            var callers = new List<Caller> { new("staff", Authorization(token)) };
            if (Environment.GetEnvironmentVariable("WALDUR_OWNER_TOKEN") is { Length: > 0 } owner)
            {
                callers.Add(new Caller("owner", Authorization(owner)));
            }

            if (Environment.GetEnvironmentVariable("WALDUR_MEMBER_TOKEN") is { Length: > 0 } member)
            {
                callers.Add(new Caller("member", Authorization(member)));
            }

            var root = RootOf(new Uri(baseUrl));
            return new ContractTarget(root, $"the Waldur at {root} (WALDUR_BASE_URL), as {string.Join(", ", callers)}", callers, null);
        }

        var extra = (Environment.GetEnvironmentVariable("WALDUR_CONTRACT_EMULATOR_ARGS") ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var emulator = EmulatorApp.Build([
            "--urls", "http://127.0.0.1:0",
            $"--Emulator:Users:{OwnerToken}:Role=customer-owner", $"--Emulator:Users:{OwnerToken}:Customer=0",
            $"--Emulator:Users:{MemberToken}:Role=project-member", $"--Emulator:Users:{MemberToken}:Project=4",
            .. extra,
        ]);
        await emulator.StartAsync();
        var emulatorRoot = new Uri(emulator.Urls.First().TrimEnd('/') + "/");
        return new ContractTarget(emulatorRoot,
            $"the in-process Waldur emulator at {emulatorRoot} (no WALDUR_BASE_URL/WALDUR_TOKEN set; emulator args: '{string.Join(' ', extra)}')",
            [new Caller("staff", "Token demo-token"), new Caller("owner", $"Token {OwnerToken}"), new Caller("member", $"Token {MemberToken}")],
            emulator);
    }

    /// <summary>A bare key becomes <c>Token &lt;key&gt;</c> (Waldur 7 refuses <c>Bearer</c> for its tokens); a full header value is kept.</summary>
    private static string Authorization(string token) =>
        token.Contains(' ', StringComparison.Ordinal) ? token.Trim() : $"Token {token.Trim()}";

    /// <summary><c>https://host/api</c>, <c>https://host/api/</c> and <c>https://host/</c> all name the root <c>https://host/</c>.</summary>
    internal static Uri RootOf(Uri baseUrl)
    {
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (text.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^"/api".Length];
        }

        return new Uri(text + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.StopAsync();
            await _emulator.DisposeAsync();
        }
    }
}
