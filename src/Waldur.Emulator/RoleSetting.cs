using Waldur.Emulator.Data.Core;

namespace Waldur.Emulator;

/// <summary>One non-staff token's role (<c>Emulator:Users:&lt;token&gt;:*</c>): <see cref="Role"/> and the 0-based
/// customer or project index it applies to.</summary>
public sealed class RoleSetting
{
    /// <summary><c>customer-owner</c> (with <see cref="Customer"/>), <c>project-member</c> (with <see cref="Project"/>),
    /// <c>none</c> or <c>staff</c>.</summary>
    public string? Role { get; set; }

    public int? Customer { get; set; }

    public int? Project { get; set; }

    /// <summary>What <see cref="Role"/> names (an unknown role never gets this far: <see cref="Problem"/> stops start-up).</summary>
    public CoreRoleKind Kind => KindOf(Role) ?? CoreRoleKind.None;

    private static CoreRoleKind? KindOf(string? role) => role switch
    {
        "customer-owner" => CoreRoleKind.CustomerOwner,
        "project-member" => CoreRoleKind.ProjectMember,
        "none" => CoreRoleKind.None,
        "staff" => CoreRoleKind.Staff,
        _ => null,
    };

    /// <summary>What is wrong with the setting of <paramref name="token"/>, naming its key; null when nothing is.</summary>
    internal string? Problem(string token)
    {
        var key = $"{EmulatorOptions.Section}:{nameof(EmulatorOptions.Users)}:{token}";
        return KindOf(Role) switch
        {
            _ when token.Any(char.IsWhiteSpace) => $"{key}: a token cannot contain whitespace.",
            null => $"{key}:Role must be customer-owner, project-member, none or staff (got '{Role}').",
            _ when Customer < 0 || Project < 0 => $"{key}: Customer and Project must be 0 or more.",
            CoreRoleKind.CustomerOwner when Customer is null => $"{key}: role {Role} needs Customer=<index>.",
            CoreRoleKind.ProjectMember when Project is null => $"{key}: role {Role} needs Project=<index>.",
            _ => null,
        };
    }
}
