using GraphQL.Types;
using Waldur.GraphGateway.WaldurApi;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>
/// What a mutation answers: the affected object as Waldur shows it after the write (null when it did not happen), the
/// deleted object's id for a delete, Waldur's answer as JSON text for a write of no catalog resource (and typed, as one
/// row or as <see cref="Rows"/> when it is a list), and the user errors (null when there are none).
/// </summary>
internal sealed record WritePayload(WaldurRow? Row, string? DeletedId, IReadOnlyList<UserError>? Errors, string? Json = null,
    IReadOnlyList<WaldurRow>? Rows = null);

/// <summary>How a write of no catalog resource also answers typed: the payload field, its item type and the shape its rows are read in.</summary>
internal sealed record TypedAnswer(string Field, IGraphType Item, RowShape Shape, bool IsList, string Description);
