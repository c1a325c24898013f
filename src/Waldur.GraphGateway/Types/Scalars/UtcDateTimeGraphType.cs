using System.Globalization;
using GraphQL.Types;

namespace Waldur.GraphGateway.Types.Scalars;

/// <summary>
/// HotChocolate's <c>DateTime</c> scalar (a <see cref="DateTimeOffset"/>): accepts any ISO-8601 date-time with an
/// offset and writes UTC the way Waldur does (U7: <c>2020-05-15T05:47:50Z</c>, fractions only when non-zero).
/// </summary>
internal sealed class UtcDateTimeGraphType : DateTimeOffsetGraphType
{
    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "The `DateTime` scalar represents an ISO-8601 compliant date time type.";
    }

    public override object? Serialize(object? value) => value is DateTimeOffset at
        ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : base.Serialize(value);
}
