namespace Waldur.Emulator.Waldur;

/// <summary>A request that passed DRF's checks: authenticated as <see cref="Token"/>, with valid filter parameters.</summary>
internal sealed record ResourceRequest(
    HttpContext Context,
    WaldurRoute Route,
    QueryString Query,
    IResourceQuery Parameters,
    string Token,
    string BaseUrl);
