namespace Waldur.Emulator.Auth;

/// <summary>
/// Waldur's token authentication (U20): <c>Authorization: Token &lt;key&gt;</c> or <c>Bearer &lt;key&gt;</c>, keyword
/// case-insensitive, split on whitespace as DRF's <c>get_authorization_header(...).split()</c> does.
/// </summary>
internal sealed class TokenAuthenticator(IReadOnlyList<string> tokens)
{
    public const string NotProvided = "Authentication credentials were not provided.";
    public const string InvalidToken = "Invalid token.";
    public const string NoCredentials = "Invalid token. No credentials provided.";
    public const string ContainsSpaces = "Invalid token. Token string should not contain spaces.";

    private static readonly char[] Whitespace = [' ', '\t', '\n', '\r', '\v', '\f'];
    private readonly HashSet<string> _tokens = new(tokens, StringComparer.Ordinal);

    public AuthResult Authenticate(string? authorization)
    {
        var parts = (authorization ?? "").Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0
            || !(parts[0].Equals("token", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase)))
        {
            return AuthResult.Rejected(NotProvided);
        }

        if (parts.Length == 1)
        {
            return AuthResult.Rejected(NoCredentials);
        }

        if (parts.Length > 2)
        {
            return AuthResult.Rejected(ContainsSpaces);
        }

        return _tokens.Contains(parts[1]) ? AuthResult.Accepted(parts[1]) : AuthResult.Rejected(InvalidToken);
    }
}
