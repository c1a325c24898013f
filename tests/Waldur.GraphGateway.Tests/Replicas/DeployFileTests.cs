using System.Reflection;
using Waldur.Catalog.Generated;
using Waldur.GraphGateway.Redis;
using Waldur.GraphGateway.WaldurApi;
using Waldur.GraphGateway.WaldurApi.Caching;
using Xunit;

namespace Waldur.GraphGateway.Tests.Replicas;

/// <summary>
/// deploy/compose.yaml could not be run here (no container engine): its gateway settings are checked to be settings
/// the gateway reads, and <see cref="ReplicaTests"/> start the replicas with exactly those settings.
/// </summary>
public sealed class DeployFileTests
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [WaldurOptions.Section] = typeof(WaldurOptions),
        [RedisOptions.Section] = typeof(RedisOptions),
        [WaldurCacheOptions.Section] = typeof(WaldurCacheOptions),
    };

    [Fact]
    public void Every_gateway_setting_in_the_compose_file_is_one_the_gateway_reads()
    {
        var settings = DeployFiles.GatewayEnvironment();

        Assert.Contains("Redis__Configuration", settings.Keys);
        Assert.Contains("Caching__Enabled", settings.Keys);
        Assert.Contains("Caching__KeySecret", settings.Keys);
        Assert.All(settings.Keys, key => Assert.True(IsKnown(key.Split("__")), $"{key} in {DeployFiles.ComposePath} is no gateway setting"));
    }

    [Fact]
    public void The_balancer_configuration_names_both_replicas_and_round_robin()
    {
        var config = DeployFiles.HaproxyOnLoopback(8080, 8081, 8082);

        Assert.Contains("balance roundrobin", config, StringComparison.Ordinal);
        Assert.Contains("server gateway1 127.0.0.1:8081", config, StringComparison.Ordinal);
        Assert.Contains("server gateway2 127.0.0.1:8082", config, StringComparison.Ordinal);
        Assert.Contains("bind 127.0.0.1:8080", config, StringComparison.Ordinal);
    }

    /// <summary>A path of properties from a known section; a TTL key must name a root connection field of the schema.</summary>
    private static bool IsKnown(string[] path)
    {
        if (!Sections.TryGetValue(path[0], out var type))
        {
            return false;
        }

        foreach (var (segment, i) in path.Skip(1).Select((s, i) => (s, i + 1)))
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                return i == path.Length - 1 && WaldurCatalog.Reviewed.Resources.Any(r => r.ListField == segment);
            }

            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not { CanWrite: true })
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }
}
