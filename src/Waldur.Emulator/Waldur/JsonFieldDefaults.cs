namespace Waldur.Emulator.Waldur;

/// <summary>
/// Rule J: what a Waldur <c>JSONField</c> holds when nothing was stored in it. drf-spectacular renders a model
/// <c>JSONField</c> (and a serializer <c>JSONField</c>/<c>ReadOnlyField</c> over one) as an untyped schema (<c>{}</c>,
/// perhaps with a description), and marks it <c>nullable</c> only when the model field has <c>null=True</c>
/// (<c>marketplace/models.py Resource.report</c>, <c>Resource.options</c>). Every other such field is created with its
/// model default, <c>default=dict</c> or <c>default=list</c>, and is never null in a response: so the emulator writes
/// <c>[]</c> for the names below and <c>{}</c> for every other untyped, non-nullable property (core lists through
/// <c>core-schemas.json</c>, generic lists through <c>ValueWriter</c>).
/// </summary>
internal static class JsonFieldDefaults
{
    /// <summary>Property names whose Waldur model field is <c>JSONField(default=list)</c>. Sources, paths under
    /// waldur-mastermind's <c>src/</c>:
    /// <c>waldur_core/core/models.py User</c>: <c>affiliations</c>, <c>nationalities</c>, <c>eduperson_assurance</c>,
    /// <c>managed_isds</c>, <c>active_isds</c> (its <c>attribute_sources</c> and <c>details</c> are <c>default=dict</c>);
    /// <c>waldur_core/core/models.py UserDetailsMatchMixin</c> (customers, projects, offerings' access rules):
    /// <c>user_affiliations</c>, <c>user_email_patterns</c>, <c>user_identity_sources</c>, <c>user_nationalities</c>,
    /// <c>user_organization_types</c>, <c>user_assurance_levels</c>;
    /// <c>waldur_core/logging/models.py</c>: <c>EventTypesMixin.event_groups</c>, <c>SystemNotification.roles</c>;
    /// <c>waldur_mastermind/marketplace/models.py RobotAccount.keys</c>;
    /// <c>waldur_openstack/models.py</c>: <c>routes</c>, <c>fixed_ips</c>, <c>host_routes</c>, <c>dns_nameservers</c>,
    /// <c>allowed_address_pairs</c>; <c>waldur_aws/models.py</c>: <c>public_ips</c>, <c>private_ips</c>;
    /// <c>waldur_auth_social/models.py</c>: <c>protected_fields</c>; <c>waldur_core/core/models.py PersonalAccessToken</c>:
    /// <c>scopes</c>, <c>allowed_scopes</c>, <c>allowed_networks</c>.</summary>
    public static readonly IReadOnlySet<string> ListDefaults = new HashSet<string>(StringComparer.Ordinal)
    {
        "affiliations", "nationalities", "eduperson_assurance", "managed_isds", "active_isds",
        "user_affiliations", "user_email_patterns", "user_identity_sources", "user_nationalities", "user_organization_types",
        "user_assurance_levels", "event_groups", "roles", "keys", "routes", "fixed_ips", "host_routes", "dns_nameservers",
        "allowed_address_pairs", "public_ips", "private_ips", "protected_fields", "scopes", "allowed_scopes", "allowed_networks",
    };

    /// <summary>The JSON text of an empty value of the field <paramref name="name"/>: <c>[]</c> or <c>{}</c>.</summary>
    public static string Empty(string name) => ListDefaults.Contains(name) ? "[]" : "{}";
}
