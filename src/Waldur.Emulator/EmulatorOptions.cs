using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Waldur.Emulator.Data.Core;
using Waldur.Emulator.Faults;
using Waldur.Emulator.Waldur.Drift;
using Waldur.OptionsValidation;

namespace Waldur.Emulator;

/// <summary>
/// Settings under <c>Emulator:*</c>, bound by the configuration binder (<see cref="EmulatorApp"/>) and checked at start by
/// <see cref="EmulatorOptionsValidator"/>: a bad value stops start-up with a message naming its key.
/// </summary>
public sealed class EmulatorOptions : IValidatableObject
{
    public const string Section = "Emulator";

    /// <summary>Completes an attribute's message, which begins with the key (the generated validator names the C# property).</summary>
    internal const string BeBetween = " must be between {1} and {2}.";

    [SettingRange(0, 1_000_000, ErrorMessage = Section + ":" + nameof(ImageCount) + BeBetween)]
    public int ImageCount { get; set; } = 150;

    [SettingRange(0, 10_000, ErrorMessage = Section + ":" + nameof(RegionCount) + BeBetween)]
    public int RegionCount { get; set; } = 12;

    /// <summary>How many droplets <c>/api/digitalocean-droplets/</c> serves. Sizes are DigitalOcean's fixed catalog (20).</summary>
    [SettingRange(0, 1_000_000, ErrorMessage = Section + ":" + nameof(DropletCount) + BeBetween)]
    public int DropletCount { get; set; } = 60;

    public int Seed { get; set; } = 42;

    /// <summary>The most rows a generically served list (every spec list without a table) has; each list instance gets
    /// 0…this many, spread by its path and parent, so some lists are empty and most span several pages of 10.</summary>
    [SettingRange(0, 10_000, ErrorMessage = Section + ":" + nameof(GenericMaxRows) + BeBetween)]
    public int GenericMaxRows { get; set; } = 40;

    /// <summary>Row counts of the 15 core lists, set by flat keys of this section (<c>Emulator:CustomerCount</c>, …; see
    /// <see cref="CoreCounts"/>), which <see cref="EmulatorApp"/> binds into it.</summary>
    [ValidateObjectMembers]
    public CoreCounts Core { get; set; } = new();

    /// <summary>Non-staff tokens (<c>Emulator:Users:&lt;token&gt;:Role=customer-owner|project-member|none</c>, with
    /// <c>Customer=&lt;index&gt;</c> or <c>Project=&lt;index&gt;</c>, 0-based into the data set's customers/projects).
    /// They are accepted in addition to <see cref="Tokens"/>, whose tokens act as staff.</summary>
    public Dictionary<string, RoleSetting> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Accepted keys for <c>Authorization: Token &lt;key&gt;</c> and <c>Bearer &lt;key&gt;</c>: a list
    /// (<c>Emulator:Tokens:0=a</c>) or one comma-separated value (<c>Emulator:Tokens=a,b</c>), which
    /// <see cref="EmulatorApp"/> reads with <see cref="TokenList"/> (the binder knows only the list form).</summary>
    public IReadOnlyList<string> Tokens { get; set; } = ["demo-token"];

    /// <summary>Opt-in (for isolation tests): each token sees its own deterministic subset of images. Real Waldur
    /// shows every user every image (U14), so this is off by default.</summary>
    public bool PerTokenData { get; set; }

    public FaultSettings Faults { get; set; } = new();

    /// <summary><c>Emulator:ProvisioningDelayMs</c> (default 300): how long a scheduled operation (droplet/instance
    /// actions, creates and deletes, executing marketplace orders) waits before the backend "answers" (Writes/Provisioner).
    /// 0 completes it at once, right after the response was made.</summary>
    [SettingRange(0, 600_000, ErrorMessage = Section + ":" + nameof(ProvisioningDelayMs) + BeBetween)]
    public int ProvisioningDelayMs { get; set; } = 300;

    /// <summary><c>Emulator:Drift</c>: <c>none</c> (default, the 8.0.5 document) or <c>waldur-7</c> (Waldur 7.0.7 as
    /// observed: absent collections, unpaged lists, ignored filters, other field types; see the README's "Drift mode").</summary>
    public DriftMode Drift { get; set; }

    /// <summary>Both forms of <c>Emulator:Tokens</c>: the list's items and the comma-separated value, split and trimmed;
    /// null when the key is absent (the default then stands).</summary>
    public static IReadOnlyList<string>? TokenList(IConfigurationSection tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Exists()
            ? [.. tokens.GetChildren().Select(c => c.Value).Append(tokens.Value).OfType<string>()
                .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]
            : null;
    }

    /// <summary>The rules attributes cannot state: tokens, users and the fault rates (shared with the control endpoint).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        const string tokens = Section + ":" + nameof(Tokens);
        if (Tokens.Count == 0)
        {
            yield return new ValidationResult($"{tokens} must list at least one token.");
        }

        if (Tokens.Any(t => t.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult($"{tokens}: a token cannot contain whitespace.");
        }

        foreach (var (token, user) in Users)
        {
            if (user.Problem(token) is { } problem)
            {
                yield return new ValidationResult(problem);
            }
        }

        var faults = Faults.Validate();
        if (faults.Count > 0)
        {
            yield return new ValidationResult($"{Section}:{nameof(Faults)}: {string.Join(" ", faults)}");
        }
    }
}

[OptionsValidator]
public sealed partial class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>;
