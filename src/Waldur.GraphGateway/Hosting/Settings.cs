using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Waldur.GraphGateway.Hosting;

/// <summary>
/// The one way every options class is read: bound from its section, checked at start by its generated
/// <c>[OptionsValidator]</c> (attributes, plus <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>
/// for rules across fields), so a bad value stops start-up with a message naming its key.
/// </summary>
internal static class Settings
{
    /// <summary>Completes an attribute's message: the generated validator names the property by its C# type
    /// (<c>ListOptions.MaxPageSize</c>), not by the key an operator sets, so each message begins with the key itself.</summary>
    public const string BeBetween = " must be between {1} and {2}.";

    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // TryAdd: a section registered twice (tests compose the hosting pieces) is still checked once.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }
}
