using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Http;

/// <summary>What an options validator found wrong in one section, each message naming its full key (<c>Section:Key</c>)
/// so the operator knows what to fix.</summary>
internal sealed class SettingFailures(string section)
{
    private readonly List<string> _failures = [];

    public void Range(string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(key, $"must be between {min} and {max} (was {value}).");
        }
    }

    public void Add(string key, string problem) => _failures.Add($"{section}:{key} {problem}");

    public ValidateOptionsResult Result() => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
