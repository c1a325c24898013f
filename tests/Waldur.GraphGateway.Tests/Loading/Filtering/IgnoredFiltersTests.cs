using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Waldur.Catalog.Model;
using Waldur.GraphGateway.Loading;
using Waldur.GraphGateway.Loading.Filtering;
using Waldur.GraphGateway.Telemetry;
using Xunit;

namespace Waldur.GraphGateway.Tests.Loading.Filtering;

/// <summary>What the gateway remembers Waldur ignored or refused (U27), and how it reports the first sighting.</summary>
public sealed class IgnoredFiltersTests
{
    private static ListResource Images => TestCatalog.Images;

    private static ListResource Resources => TestCatalog.Resources["MarketplaceResource"];

    [Fact]
    public void A_parameter_is_counted_and_logged_the_first_time_only()
    {
        // Metrics are process-wide and tests run in parallel: a parameter no other test uses picks out this test's measurements.
        var parameter = $"probe_{Guid.NewGuid():N}";
        var measured = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Name && instrument.Name == "waldur_gateway.waldur.filters_ignored")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                all[tag.Key] = tag.Value;
            }

            if (Equals(all.GetValueOrDefault("waldur_gateway.parameter"), parameter))
            {
                lock (measured)
                {
                    measured.Add((value, all));
                }
            }
        });
        listener.Start();
        var logger = new ListLogger();
        var ignored = new IgnoredFilters(logger);

        ignored.Mark(Images, parameter);

        var (value, tags) = Assert.Single(measured);
        Assert.Equal(1, value);
        Assert.Equal("DigitalOceanImage", tags["waldur_gateway.resource"]);
        var (level, message) = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal($"Waldur does not honour ?{parameter} on /{Images.Endpoint.Template} (it ignored or refused it); "
                     + $"`{Images.FieldName}` now evaluates it in the gateway", message);

        // Seen again (every later request may hit it before re-planning): nothing new to report.
        ignored.Mark(Images, parameter);
        Assert.Single(measured);
        Assert.Single(logger.Lines);
    }

    [Fact]
    public void Every_entry_point_refuses_a_null_resource()
    {
        // Even while nothing is ignored (the shortcut that returns before the resource is otherwise used).
        var ignored = new IgnoredFilters(NullLogger<IgnoredFilters>.Instance);
        Assert.Equal("resource", Assert.Throws<ArgumentNullException>(() => ignored.Honoured(null!)).ParamName);
        Assert.Equal("resource", Assert.Throws<ArgumentNullException>(() => ignored.Sorts(null!, "name")).ParamName);
        Assert.Equal("resource", Assert.Throws<ArgumentNullException>(() => ignored.Mark(null!, "name")).ParamName);
    }

    [Fact]
    public void A_refused_multi_value_form_leaves_the_single_value_form_honoured()
    {
        var ignored = new IgnoredFilters(NullLogger<IgnoredFilters>.Instance);
        ignored.Mark(Resources, IgnoredFilters.MultiValueParameter("offering_uuid"));
        ignored.Mark(Resources, IgnoredFilters.MultiValueParameter("state"));

        var honoured = ignored.Honoured(Resources);

        // offering_uuid is both an exact filter and a comma-separated one: only the latter goes.
        Assert.Contains(honoured, r => r is { Parameter: "offering_uuid", Lookup: FilterLookup.Exact });
        Assert.DoesNotContain(honoured, r => r is { Parameter: "offering_uuid", Lookup: FilterLookup.CsvMulti });
        // state is only a repeated multi-value filter (its one-value form included), so it goes entirely.
        Assert.DoesNotContain(honoured, r => r.Parameter == "state");
        Assert.Contains(honoured, r => r.Parameter == "project_uuid");
        Assert.Contains(honoured, r => r.Parameter == "offering_slug");
    }

    [Fact]
    public void Refused_o_keys_and_ignored_filters_are_remembered_apart_and_per_list()
    {
        var ignored = new IgnoredFilters(NullLogger<IgnoredFilters>.Instance);
        ignored.Mark(Images, "type");
        ignored.Mark(Images, IgnoredFilters.OrderingParameter("distribution"));

        // Ignoring the `type` filter says nothing about sorting by type, and a refused `o=distribution` keeps the filter.
        Assert.True(ignored.Sorts(Images, "type"));
        Assert.False(ignored.Sorts(Images, "distribution"));
        Assert.DoesNotContain(ignored.Honoured(Images), r => r.Parameter == "type");
        Assert.Contains(ignored.Honoured(Images), r => r.Parameter == "distribution");
        Assert.True(ignored.Sorts(TestCatalog.Regions, "distribution"));
    }

    /// <summary>Keeps each formatted line: the warning users read in the gateway's log.</summary>
    private sealed class ListLogger : ILogger<IgnoredFilters>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
