namespace Waldur.Emulator.Auth;

/// <summary>Who the caller is: <see cref="Token"/> when accepted, otherwise the 401 <see cref="Error"/> text (U20).</summary>
internal readonly record struct AuthResult(string? Token, string? Error)
{
    public static AuthResult Accepted(string token) => new(token, null);

    public static AuthResult Rejected(string error) => new(null, error);
}
