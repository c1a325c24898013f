using System.Text;

namespace Waldur.Emulator.Waldur.Generic;

/// <summary>
/// One generated row: its JSON as one fragment per item property (<c>"key":value</c>, serializer order; a single bare
/// value when the items are not objects), and each property's scalar value for ordering and filtering. <see cref="Pk"/>
/// is its generation index, the emulator's primary key: the default order and every tie-breaker.
/// </summary>
internal sealed record GenericRow(int Pk, string[] Fragments, object?[] Values)
{
    /// <summary>The row's JSON under a base url (U6); <paramref name="keep"/> selects properties by index (<c>field=</c>).</summary>
    public byte[] Json(string baseUrl, bool[]? keep)
    {
        if (Fragments.Length == 1 && Values.Length == 0)
        {
            return Encoding.UTF8.GetBytes(Fragments[0].Replace(GenericRows.Base, baseUrl, StringComparison.Ordinal));
        }

        var b = new StringBuilder(1024).Append('{');
        for (var i = 0; i < Fragments.Length; i++)
        {
            if (keep is null || keep[i])
            {
                b.Append(b.Length > 1 ? "," : "").Append(Fragments[i]);
            }
        }

        return Encoding.UTF8.GetBytes(b.Append('}').Replace(GenericRows.Base, baseUrl).ToString());
    }
}
