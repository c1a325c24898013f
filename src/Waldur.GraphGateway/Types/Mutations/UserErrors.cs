using GraphQL.Types;

namespace Waldur.GraphGateway.Types.Mutations;

/// <summary>One error a form can show: which kind (the GraphQL type), its message, and for a validation error the input field it is about.</summary>
internal sealed record UserError(string TypeName, string Message, IReadOnlyList<string>? Path = null);

/// <summary>
/// The typed user errors of every mutation (HotChocolate's mutation conventions: an <c>Error</c> interface, one object
/// type per kind, a union per mutation in its payload's <c>errors</c>). Waldur's refusals map by status: 400 one
/// <c>ValidationError</c> per message, 403 <c>PermissionDeniedError</c>, 404 <c>NotFoundError</c> (also for what the
/// caller may not see), 405 and 409 <c>ConflictError</c> (the object's state or kind does not allow it).
/// </summary>
internal sealed class UserErrorTypes
{
    public const string Validation = "ValidationError";
    public const string PermissionDenied = "PermissionDeniedError";
    public const string NotFound = "NotFoundError";
    public const string Conflict = "ConflictError";

    public UserErrorTypes()
    {
        Interface = new InterfaceGraphType { Name = "Error", Description = "A reason a mutation did not happen, for the user to see." };
        Interface.Field<NonNullGraphType<StringGraphType>>("message").Description("Waldur's words for it.");
        Kinds =
        [
            Kind(Validation, "Waldur refused a value of the input (400); `path` names the input field (GraphQL names, nested fields as several; empty for the input as a whole).", withPath: true),
            Kind(PermissionDenied, "The caller may see the object but not do this to it (Waldur's 403)."),
            Kind(NotFound, "No such object, or none the caller may see (Waldur's 404)."),
            Kind(Conflict, "The object's state does not allow this now, e.g. \"Valid states for operation: pending-provider.\" (Waldur's 409 or 405)."),
        ];
        Interface.ResolveType = value => value is UserError error ? Kinds.First(k => k.Name == error.TypeName) : null;
    }

    public InterfaceGraphType Interface { get; }

    public IReadOnlyList<ObjectGraphType<UserError>> Kinds { get; }

    /// <summary>The union a mutation's payload lists its errors as: <c>CreateProjectError</c>.</summary>
    public UnionGraphType UnionFor(string typeName)
    {
        var union = new UnionGraphType { Name = typeName, Description = "A reason this mutation did not happen." };
        foreach (var kind in Kinds)
        {
            union.AddPossibleType(kind);
        }

        union.ResolveType = value => value is UserError error ? Kinds.First(k => k.Name == error.TypeName) : null;
        return union;
    }

    private ObjectGraphType<UserError> Kind(string name, string description, bool withPath = false)
    {
        var type = new ObjectGraphType<UserError> { Name = name, Description = description };
        type.Field<NonNullGraphType<StringGraphType>>("message").Description("Waldur's words for it.").Resolve(c => c.Source.Message);
        if (withPath)
        {
            type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path")
                .Description("The input field, in GraphQL names (`[\"limits\", \"cpu\"]`); empty when the message is about the input as a whole.")
                .Resolve(c => c.Source.Path ?? []);
        }

        type.AddResolvedInterface(Interface);
        Interface.AddPossibleType(type);
        return type;
    }
}
