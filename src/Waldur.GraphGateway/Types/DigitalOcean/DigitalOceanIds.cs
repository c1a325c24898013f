using System.Text;

namespace Waldur.GraphGateway.Types.DigitalOcean;

/// <summary>Relay global ids: base64 of <c>TypeName:uuid</c> (DESIGN.md). A stand-in until the shared Node codec lands.</summary>
internal static class DigitalOceanIds
{
    public static string For(string typeName, string uuid) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{uuid}"));
}
