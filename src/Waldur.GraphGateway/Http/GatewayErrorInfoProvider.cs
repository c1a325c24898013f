using System.Reflection;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using Waldur.GraphGateway.Errors;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// Gives every error exactly one stable <c>extensions.code</c> from <see cref="ErrorCodes"/>, whatever GraphQL.NET
/// called it, and masks unexpected exceptions outside Development (their text may reveal internals).
/// </summary>
internal sealed class GatewayErrorInfoProvider : ErrorInfoProvider
{
    public const string MaskedMessage = "An internal error occurred.";

    private static readonly HashSet<string> KnownCodes = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private readonly bool _development;

    public GatewayErrorInfoProvider(IHostEnvironment environment)
        : base(o =>
        {
            o.ExposeExceptionDetails = environment.IsDevelopment();
            o.ExposeCodes = false;
            o.ExposeData = false;
        })
    {
        ArgumentNullException.ThrowIfNull(environment);
        _development = environment.IsDevelopment();
    }

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        string code = CodeFor(executionError);
        bool mask = code == ErrorCodes.Internal && !_development;
        var info = base.GetInfo(executionError);
        var extensions = mask || info.Extensions is null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(info.Extensions);
        extensions["code"] = code;
        return new ErrorInfo { Message = mask ? MaskedMessage : info.Message, Extensions = extensions };
    }

    /// <summary>The stable code for any error GraphQL.NET or the gateway raises.</summary>
    public static string CodeFor(ExecutionError error) => error switch
    {
        _ when error.Code is { } code && KnownCodes.Contains(code) => code,
        SyntaxError => ErrorCodes.SyntaxError,
        InvalidOperationNameError or NoOperationNameError or NoOperationError => ErrorCodes.OperationNotFound,
        QueryMissingError => ErrorCodes.QueryMissing,
        ComplexityError => ErrorCodes.MaxComplexityExceeded,
        NoIntrospectionError => ErrorCodes.IntrospectionDisabled,
        TimeoutError => ErrorCodes.ExecutionTimeout,
        ValidationError => ErrorCodes.ValidationFailed,
        _ => ErrorCodes.Internal,
    };
}
