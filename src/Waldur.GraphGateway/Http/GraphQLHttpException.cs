using Waldur.GraphGateway.Errors;
namespace Waldur.GraphGateway.Http;

/// <summary>
/// A request the transport refuses before or instead of execution. <see cref="StatusCode"/> is fixed for transport
/// faults (bad JSON, 405, 413…); document-level faults (<see cref="DocumentLevel"/>) follow the negotiated media type
/// as the GraphQL-over-HTTP spec asks: 400 for <c>application/graphql-response+json</c>, 200 for <c>application/json</c>.
/// </summary>
internal sealed class GraphQLHttpException : Exception
{
    public GraphQLHttpException(int statusCode, string code, string message, bool documentLevel = false) : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        DocumentLevel = documentLevel;
    }

    public GraphQLHttpException() : this(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "Invalid request.") { }

    public GraphQLHttpException(string message) : this(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, message) { }

    public GraphQLHttpException(string message, Exception innerException) : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        Code = ErrorCodes.InvalidRequest;
    }

    public int StatusCode { get; }

    public string Code { get; }

    public bool DocumentLevel { get; }

    /// <summary>Extra response headers, such as <c>Allow</c> for a 405.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
