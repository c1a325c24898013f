using System.Globalization;
using Waldur.Emulator.Faults;

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
            PerTokenData = Bool(section, nameof(EmulatorOptions.PerTokenData)),
            Tokens = Tokens(section.GetSection(nameof(EmulatorOptions.Tokens))),
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
