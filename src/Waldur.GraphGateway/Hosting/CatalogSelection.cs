using Waldur.Catalog.Generated;
using Waldur.Catalog.Model;

namespace Waldur.GraphGateway.Hosting;

/// <summary>The catalog a configuration selects, or why it selects none (each error names the key and the unknown name).</summary>
internal sealed record CatalogChoice(ResourceCatalog Catalog, IReadOnlyList<string> Errors);

/// <summary>
/// <c>Catalog:Include</c> minus <c>Catalog:Exclude</c> over <see cref="WaldurCatalog.All"/>, in its order. A name is, in
/// this order of precedence: <c>*</c> (every list), <c>reviewed</c> (the reviewed lists, the default), a root connection
/// field (<c>marketplaceProviderOfferings</c>), a nested connection as <c>Type.field</c> (<c>Customer.users</c>) or a tag
/// (the first spec tag up to its first <c>-</c>: <c>marketplace</c>, <c>openstack</c>). A nested list comes only with its
/// parent. The default reads only <see cref="WaldurCatalog.Reviewed"/>: the generated lists are not even constructed.
/// </summary>
internal static class CatalogSelection
{
    public const string Everything = "*";
    public const string Reviewed = "reviewed";

    public static CatalogChoice Select(string? include, string? exclude)
    {
        var includes = Names(include);
        var excludes = Names(exclude);
        if (includes is [] or [Reviewed] && excludes.Count == 0)
        {
            return new CatalogChoice(WaldurCatalog.Reviewed, []);
        }

        var all = WaldurCatalog.All;
        var errors = new List<string>();
        var selected = Resolve(all, includes.Count == 0 ? [Reviewed] : includes, $"{CatalogOptions.Section}:{nameof(CatalogOptions.Include)}", errors);
        selected.ExceptWith(Resolve(all, excludes, $"{CatalogOptions.Section}:{nameof(CatalogOptions.Exclude)}", errors));
        var types = selected.Select(r => r.TypeName).ToHashSet(StringComparer.Ordinal);
        var chosen = all.Resources.Where(r => selected.Contains(r) && (r.Parent is null || types.Contains(r.Parent))).ToList();
        if (errors.Count == 0 && chosen.Count == 0)
        {
            errors.Add($"{CatalogOptions.Section}:{nameof(CatalogOptions.Include)} minus {CatalogOptions.Section}:{nameof(CatalogOptions.Exclude)} selects no list.");
        }

        return new CatalogChoice(errors.Count == 0 ? new ResourceCatalog(chosen) : WaldurCatalog.Reviewed, errors);
    }

    private static List<string> Names(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static HashSet<ResourceDescriptor> Resolve(ResourceCatalog all, IEnumerable<string> names, string key, List<string> errors)
    {
        var set = new HashSet<ResourceDescriptor>(ReferenceEqualityComparer.Instance);
        foreach (var name in names)
        {
            IEnumerable<ResourceDescriptor> matched = name switch
            {
                Everything => all.Resources,
                Reviewed => WaldurCatalog.Reviewed.Resources,
                _ when all.Resources.Where(r => r.Parent is null && r.ListField == name).ToList() is [_, ..] root => root,
                _ when all.Resources.Where(r => r.Parent is not null && $"{r.Parent}.{r.ListField}" == name).ToList() is [_, ..] nested => nested,
                _ => all.Resources.Where(r => r.Tag == name).ToList(),
            };
            set.UnionWith(matched);
            if (!matched.Any())
            {
                errors.Add($"{key} names '{name}', which is not '*', '{Reviewed}', a root connection field, a nested connection (Type.field) or a tag ("
                           + string.Join(", ", all.Resources.Select(r => r.Tag).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(8)) + ", …).");
            }
        }

        return set;
    }
}
