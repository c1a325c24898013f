namespace Waldur.Emulator.Waldur;

/// <summary>
/// <c>/api/customer-quotas/</c> and <c>/api/project-quotas/</c> (<c>analytics/urls.py</c>), both modes.
/// <c>analytics/views.py BaseQuotasViewSet.list</c> (7.0.7; 8.x alike) answers a bare <c>Response(status=400)</c>, an
/// empty body, when <c>quota_name = request.query_params.get("quota_name")</c> is missing or empty, or when
/// <c>get_ordering(request) or "value"</c> (<c>core/utils.py get_ordering</c>: the raw last <c>o</c> value) is not
/// <c>value</c> or <c>name</c>: <c>-value</c> and <c>-name</c> are rejected too, an empty <c>o</c> is <c>value</c>.
/// The 8.0.5 document declares neither parameter. Not emulated: with a valid request Waldur orders by
/// <c>F(o).desc(nulls_last=True)</c> and computes <c>value</c> from the quota usages; the generic list's rows and order
/// stay as they are.
/// </summary>
internal static class AnalyticsQuotas
{
    public static bool Serves(string prefix) => prefix is "/api/customer-quotas" or "/api/project-quotas";

    public static bool Rejects(QueryString query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.Last("quota_name")))
        {
            return true;
        }

        var o = query.Last("o");
        var ordering = string.IsNullOrEmpty(o) ? "value" : o;
        return ordering is not ("value" or "name");
    }
}
