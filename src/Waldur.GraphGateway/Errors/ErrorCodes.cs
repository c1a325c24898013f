namespace Waldur.GraphGateway.Errors;

/// <summary>
/// Every <c>extensions.code</c> the gateway emits. Clients key on these, so they never change meaning;
/// the README's error-code table lists them. Add new codes here, never inline strings.
/// </summary>
internal static class ErrorCodes
{
    // Transport (Http/)
    public const string InvalidJson = "HTTP_INVALID_JSON";
    public const string InvalidRequest = "HTTP_INVALID_REQUEST";
    public const string QueryMissing = "HTTP_QUERY_MISSING";
    public const string UnsupportedMediaType = "HTTP_UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "HTTP_NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "HTTP_METHOD_NOT_ALLOWED";
    public const string BodyTooLarge = "HTTP_BODY_TOO_LARGE";
    public const string BatchTooLarge = "HTTP_BATCH_TOO_LARGE";
    public const string OperationNotFound = "OPERATION_NOT_FOUND";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    // Documents and limits
    public const string SyntaxError = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string DocumentTooLong = "LIMIT_DOCUMENT_TOO_LONG";
    public const string MaxDepthExceeded = "LIMIT_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "LIMIT_COMPLEXITY_EXCEEDED";
    public const string MaxFieldsExceeded = "LIMIT_FIELDS_EXCEEDED";
    public const string MaxAliasesExceeded = "LIMIT_ALIASES_EXCEEDED";
    public const string IntrospectionDisabled = "GRAPHQL_INTROSPECTION_DISABLED";
    public const string ExecutionTimeout = "LIMIT_EXECUTION_TIMEOUT";
    public const string Internal = "INTERNAL_ERROR";
    public const string RateLimited = "RATE_LIMITED";

    // Waldur (WaldurApi/), translated once
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    public const string UpstreamBadRequest = "UPSTREAM_BAD_REQUEST";
    public const string UpstreamUnavailable = "UPSTREAM_UNAVAILABLE";
    public const string UpstreamInvalidResponse = "UPSTREAM_INVALID_RESPONSE";
    public const string UpstreamInconsistent = "UPSTREAM_INCONSISTENT";
    public const string UpstreamFieldInvalid = "UPSTREAM_FIELD_INVALID";
    public const string UpstreamRowSkipped = "UPSTREAM_ROW_SKIPPED";
    public const string UpstreamFilterIgnored = "UPSTREAM_FILTER_IGNORED";
    public const string EndpointUnavailable = "WALDUR_ENDPOINT_UNAVAILABLE";
    public const string OutcomeUnknown = "WALDUR_OUTCOME_UNKNOWN";

    // Lists, cursors and scans (Loading/)
    public const string PagingFirstAndLast = "PAGING_FIRST_AND_LAST";
    public const string PagingNegativeSize = "PAGING_NEGATIVE_SIZE";
    public const string PagingSizeTooLarge = "PAGING_SIZE_TOO_LARGE";
    public const string CursorInvalid = "CURSOR_INVALID";
    public const string CursorArgumentsMismatch = "CURSOR_ARGUMENTS_MISMATCH";
    public const string ScanBudgetExceeded = "SCAN_BUDGET_EXCEEDED";
    public const string FilterInvalid = "FILTER_INVALID";
    public const string FilterTooComplex = "FILTER_TOO_COMPLEX";
    public const string WaldurCallsExceeded = "LIMIT_WALDUR_CALLS_EXCEEDED";

    // Graph (ids and lookups)
    public const string IdInvalid = "ID_INVALID";
    public const string UuidInvalid = "UUID_INVALID";
    public const string TooManyIds = "LIMIT_TOO_MANY_IDS";
}
