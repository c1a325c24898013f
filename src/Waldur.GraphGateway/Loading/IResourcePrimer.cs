using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Loading;

/// <summary>
/// Told about every row that arrives from a Waldur list response during the request (windows, scans, runs), so by-uuid
/// loaders can fill their caches. Scoped; an interface so the planner does not depend on the loaders that read through it.
/// </summary>
public interface IResourcePrimer
{
    void Prime(IReadOnlyList<WaldurRow> rows);
}
