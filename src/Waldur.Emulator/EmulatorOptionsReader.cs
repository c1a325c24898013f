using System.Globalization;
using Waldur.Emulator.Data.Core;
using Waldur.Emulator.Faults;
using Waldur.Emulator.Waldur.Drift;

namespace Waldur.Emulator;

/// <summary>Reads <c>Emulator:*</c> and stops start-up with a message naming the key when a value is bad.</summary>
public static class EmulatorOptionsReader
{
    public static EmulatorOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EmulatorOptions.Section);
        var options = new EmulatorOptions
        {
            ImageCount = Int(section, nameof(EmulatorOptions.ImageCount), 150, 0, 1_000_000),
            RegionCount = Int(section, nameof(EmulatorOptions.RegionCount), 12, 0, 10_000),
            DropletCount = Int(section, nameof(EmulatorOptions.DropletCount), 60, 0, 1_000_000),
            Seed = Int(section, nameof(EmulatorOptions.Seed), 42, int.MinValue, int.MaxValue),
            GenericMaxRows = Int(section, nameof(EmulatorOptions.GenericMaxRows), 40, 0, 10_000),
            PerTokenData = Bool(section, nameof(EmulatorOptions.PerTokenData)),
            ProvisioningDelayMs = Int(section, nameof(EmulatorOptions.ProvisioningDelayMs), 300, 0, 600_000),
            Tokens = Tokens(section.GetSection(nameof(EmulatorOptions.Tokens))),
            Core = new CoreCounts
            {
                Customers = Int(section, "CustomerCount", 6, 0, 100_000),
                Projects = Int(section, "ProjectCount", 18, 0, 1_000_000),
                Users = Int(section, "UserCount", 30, 0, 1_000_000),
                Categories = Int(section, "CategoryCount", 8, 0, 10_000),
                ServiceProviders = Int(section, "ServiceProviderCount", 4, 0, 100_000),
                Offerings = Int(section, "OfferingCount", 25, 0, 100_000),
                Plans = Int(section, "PlanCount", 40, 0, 1_000_000),
                Resources = Int(section, "MarketplaceResourceCount", 120, 0, 1_000_000),
                Orders = Int(section, "OrderCount", 200, 0, 1_000_000),
                Invoices = Int(section, "InvoiceCount", 48, 0, 1_000_000),
                Events = Int(section, "EventCount", 300, 0, 1_000_000),
                Tenants = Int(section, "TenantCount", 10, 0, 100_000),
                Instances = Int(section, "InstanceCount", 60, 0, 1_000_000),
                Volumes = Int(section, "VolumeCount", 80, 0, 1_000_000),
            },
            Users = Users(section.GetSection(nameof(EmulatorOptions.Users))),
            Drift = section[nameof(EmulatorOptions.Drift)] switch
            {
                null or "none" => DriftMode.None,
                "waldur-7" => DriftMode.Waldur7,
                var other => throw new InvalidOperationException($"{section.Path}:{nameof(EmulatorOptions.Drift)} must be none or waldur-7 (got '{other}')."),
            },
        };

        var faultSection = section.GetSection(nameof(EmulatorOptions.Faults));
        FaultSettings faults;
        try
        {
            faults = faultSection.Get<FaultSettings>() ?? new FaultSettings();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{faultSection.Path}: {e.Message}", e);
        }

        var errors = faults.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{faultSection.Path}: {string.Join(" ", errors)}");
        }

        options.Faults = faults;
        return options;
    }

    private static int Int(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var raw = section[key];
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidOperationException($"{section.Path}:{key} must be an integer between {min} and {max} (got '{raw}').");
        }

        return value;
    }

    private static bool Bool(IConfigurationSection section, string key)
    {
        var raw = section[key];
        if (raw is null)
        {
            return false;
        }

        return bool.TryParse(raw, out var value)
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} must be true or false (got '{raw}').");
    }

    // Emulator:Users:<token>:Role=customer-owner|project-member|none (+ Customer=<index> / Project=<index>).
    private static Dictionary<string, RoleSetting> Users(IConfigurationSection section)
    {
        var users = new Dictionary<string, RoleSetting>(StringComparer.Ordinal);
        foreach (var user in section.GetChildren())
        {
            var role = user["Role"];
            var kind = role switch
            {
                "customer-owner" => CoreRoleKind.CustomerOwner,
                "project-member" => CoreRoleKind.ProjectMember,
                "none" => CoreRoleKind.None,
                "staff" => CoreRoleKind.Staff,
                _ => throw new InvalidOperationException($"{user.Path}:Role must be customer-owner, project-member, none or staff (got '{role}')."),
            };
            int? customer = user["Customer"] is null ? null : Int(user, "Customer", 0, 0, int.MaxValue);
            int? project = user["Project"] is null ? null : Int(user, "Project", 0, 0, int.MaxValue);
            if ((kind == CoreRoleKind.CustomerOwner && customer is null) || (kind == CoreRoleKind.ProjectMember && project is null))
            {
                throw new InvalidOperationException($"{user.Path}: role {role} needs {(customer is null ? "Customer" : "Project")}=<index>.");
            }

            if (user.Key.Any(char.IsWhiteSpace))
            {
                throw new InvalidOperationException($"{user.Path}: a token cannot contain whitespace.");
            }

            users[user.Key] = new RoleSetting(kind, kind == CoreRoleKind.CustomerOwner ? customer : null, kind == CoreRoleKind.ProjectMember ? project : null);
        }

        return users;
    }

    // Accepts a list (Emulator:Tokens:0=a, Emulator:Tokens:1=b) or one comma-separated value (Emulator:Tokens=a,b).
    private static string[] Tokens(IConfigurationSection section)
    {
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => v is not null).SelectMany(v => v!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        if (values.Length == 0)
        {
            return section.Exists()
                ? throw new InvalidOperationException($"{section.Path} must list at least one token.")
                : ["demo-token"];
        }

        return values.Any(v => v.Any(char.IsWhiteSpace))
            ? throw new InvalidOperationException($"{section.Path}: a token cannot contain whitespace.")
            : values;
    }
}
