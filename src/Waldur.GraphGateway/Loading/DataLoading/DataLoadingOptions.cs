using Microsoft.Extensions.Options;
using Waldur.GraphGateway.Hosting;
using Waldur.OptionsValidation;

namespace Waldur.GraphGateway.Loading.DataLoading;

/// <summary>Configuration section <c>DataLoading</c>.</summary>
internal sealed class DataLoadingOptions
{
    public const string Section = "DataLoading";

    public const int MaxConcurrency = 64;

    /// <summary>
    /// <c>DataLoading:ByUuidConcurrency</c>: how many <c>GET …/{uuid}/</c> (or scan pages) one batch keeps in flight
    /// at once; kind to Waldur, and the size of a wave in <see cref="ByUuidBatchStrategy"/>.
    /// </summary>
    [SettingRange(1, MaxConcurrency, ErrorMessage = Section + ":" + nameof(ByUuidConcurrency) + Settings.BeBetween)]
    public int ByUuidConcurrency { get; set; } = 8;
}

[OptionsValidator]
internal sealed partial class DataLoadingOptionsValidator : IValidateOptions<DataLoadingOptions>;
