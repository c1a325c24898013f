using Waldur.Emulator.Data;

namespace Waldur.Emulator.Waldur.Resources;

/// <summary>
/// <c>/api/digitalocean-images/</c> (U4, U9–U16). Not a <see cref="ResourceTable{TRow}"/>: images keep their own
/// filter/ordering types (<see cref="ImageFilter"/>, <see cref="ImageOrdering"/>, part of the public data-set API the
/// gateway's tests use), per-token visibility (<see cref="EmulatorOptions.PerTokenData"/>) and the per-host JSON cache
/// that large image counts need.
/// </summary>
internal sealed class DigitalOceanImages(EmulatorDataset dataset, JsonCache json) : IEmulatedResource
{
    public string Prefix => "/api/digitalocean-images";

    public string ModelName => "Image";

    public IResourceQuery Prepare(QueryString query, string token) => new Query(dataset, json, FilterParameters.Read(query));

    private sealed class Query(EmulatorDataset dataset, JsonCache json, FilterParameters parameters) : IResourceQuery
    {
        public IReadOnlyList<KeyValuePair<string, string>> Errors => parameters.Errors;

        public IResourceRows List(string token) => new Rows(json, dataset.ListImages(parameters.Filter, parameters.Ordering, token));

        public byte[]? Retrieve(string uuid, string token, string baseUrl) =>
            dataset.FindImage(uuid, token) is { } image && parameters.Filter.Matches(image) ? json.Image(image, baseUrl) : null;
    }

    private sealed class Rows(JsonCache json, IReadOnlyList<EmulatorImage> rows) : IResourceRows
    {
        public int Count => rows.Count;

        public byte[] Json(int index, string baseUrl) => json.Image(rows[index], baseUrl);
    }
}
