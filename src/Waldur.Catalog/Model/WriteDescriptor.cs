namespace Waldur.Catalog.Model;

/// <summary>What a write does to its resource: decides the payload and which cached reads it invalidates.</summary>
public enum WriteKind
{
    /// <summary><c>POST</c> to the collection: the payload holds the created object.</summary>
    Create,

    /// <summary><c>PATCH</c>/<c>PUT</c> of one object: the payload holds it as Waldur then shows it.</summary>
    Update,

    /// <summary><c>DELETE</c> of one object: the payload holds its id.</summary>
    Delete,

    /// <summary>A <c>POST</c> to an object's action (<c>…/{uuid}/approve_by_consumer/</c>): the object is re-read after it.</summary>
    Action,
}

/// <summary>
/// One Waldur write operation as a mutation (HotChocolate's conventions: <c>name(input: NameInput!): NamePayload!</c>).
/// <see cref="Path"/> is relative to Waldur's root; a <c>{uuid}</c> in it is the object's id in the input (a global id or a
/// uuid). <see cref="TypeName"/> is the catalog resource whose row the payload's <see cref="PayloadField"/> holds
/// (re-read after an <see cref="WriteKind.Action"/>, or after a <c>202</c> when <see cref="Asynchronous"/>).
/// <see cref="Input"/> is the request body's schema in GraphQL names. <see cref="Idempotent"/> writes may be retried
/// after a transport failure (a reviewed claim, cited in <see cref="Source"/>); none are by default.
/// A generated write (issue 23) may have no catalog resource: then <see cref="TypeName"/> is null, the payload's
/// <see cref="ResultField"/> holds Waldur's answer as JSON text, and every path parameter (<c>{uuid}</c> too) is an input
/// field; <see cref="PathParameters"/> names the path parameters that are input fields (in Waldur's names); and the
/// payload also holds the answer typed: as a catalog list's type when it is that list's row (<see cref="ResultType"/>),
/// else as its own generated <see cref="AnswerType"/> when the spec documents its properties; a list of them when
/// <see cref="ResultIsList"/>, in the payload's <see cref="PayloadField"/> (<see cref="ResultField"/> when untyped). <see cref="Tag"/> (the operation's first tag, as lists have it) selects it with
/// <c>Catalog:Include</c>.
/// Generated from Waldur's OpenAPI request bodies plus reviewed overrides; never edited by hand.
/// </summary>
public sealed record WriteDescriptor(
    string Name,
    string OperationId,
    string Method,
    string Path,
    WriteKind Kind,
    string? TypeName,
    string PayloadField,
    string Description,
    IReadOnlyList<InputFieldDescriptor> Input,
    bool Asynchronous = false,
    bool Idempotent = false,
    string Source = "",
    IReadOnlyList<string>? PathParameters = null,
    string? ResultType = null,
    AnswerTypeDescriptor? AnswerType = null,
    bool ResultIsList = false,
    string? Tag = null)
{
    /// <summary>The payload field of a write without a catalog resource: Waldur's answer as JSON text.</summary>
    public const string ResultField = "result";
}

/// <summary>
/// One property of a write's request body. <see cref="ReferenceType"/>: the value is a Waldur object's URL, given in
/// GraphQL as that type's global id or uuid. <see cref="UrlTemplate"/>: the URL is built from this path under Waldur's
/// root instead of the type's own (<c>{uuid}</c> is the value's uuid; another <c>{name}</c> is the uuid of the input's
/// reference <c>name</c> beside it, else the written object's <c>name_uuid</c>), for URLs no catalog type has or a
/// serializer that wants another view's URL. <see cref="Fields"/>: a nested object, its own properties. A
/// <see cref="ValueKind.Json"/> value is free-form (GraphQL: a JSON object or array).
/// </summary>
public sealed record InputFieldDescriptor(
    string Name,
    string JsonName,
    ValueKind Kind,
    bool Required,
    string Description,
    bool IsList = false,
    string? ReferenceType = null,
    IReadOnlyList<string>? EnumValues = null,
    string? EnumType = null,
    IReadOnlyList<InputFieldDescriptor>? Fields = null,
    int? MaxLength = null,
    string? UrlTemplate = null);

/// <summary>
/// The object type of a write's answer that is no list's row (<c>CleanupConsumptionResponse</c>,
/// <c>{"is_published": …, "published_at": …}</c>): its documented properties as value fields, read and made tolerant as
/// rows are (a nested object is its JSON text). Writes whose answers share a schema share the type.
/// </summary>
public sealed record AnswerTypeDescriptor(string TypeName, string Description, IReadOnlyList<FieldDescriptor> Fields);
