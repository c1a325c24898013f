using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// What a mutation answers: the affected object as Waldur shows it after the write (null when it did not happen), the
/// deleted object's id for a delete, Waldur's answer as JSON text for a write of no catalog resource, and the user
/// errors (null when there are none).
/// </summary>
public sealed record WritePayload(WaldurRow? Row, string? DeletedId, IReadOnlyList<UserError>? Errors, string? Json = null);
