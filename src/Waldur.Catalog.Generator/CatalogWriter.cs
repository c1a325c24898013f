using System.Globalization;
using System.Text;
using Waldur.Catalog.Model;

namespace Waldur.Catalog.Generator;

/// <summary>
/// Descriptors → the C# of <c>WaldurCatalog.g.cs</c>. Deterministic (same input, same bytes; LF line ends), one field,
/// filter or order per line so a diff and <see cref="CatalogCheck"/> point at the resource and field that changed.
/// </summary>
public static class CatalogWriter
{
    public const string Command = "dotnet run --project src/Waldur.Catalog.Generator";

    public static string Write(IReadOnlyList<ResourceDescriptor> resources, string specName, string overridesName)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var w = new Lines();
        Header(w, specName, overridesName);
        w.Add("    public static ResourceCatalog Reviewed { get; } = new([");
        foreach (var r in resources)
        {
            WriteResource(w, r, "        new ResourceDescriptor(", "        ),");
        }

        w.Add("    ]);");
        w.Add("}");
        return w.ToString();
    }

    /// <summary>
    /// <c>WaldurCatalog.All</c>: every list, the reviewed ones taken from <c>Reviewed</c>, each other one built by its own
    /// method: small methods JIT quickly (one method building 350 lists would be compiled slowly and unoptimised), the
    /// default selection (<c>Reviewed</c>) never runs them, and a diff names the method of the list that changed.
    /// </summary>
    public static string WriteAll(IReadOnlyList<ResourceDescriptor> all, IReadOnlyList<ResourceDescriptor> reviewed, string specName, string overridesName)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(reviewed);
        var w = new Lines();
        Header(w, specName, overridesName);
        w.Add("    private static readonly Lazy<ResourceCatalog> AllLists = new(() => new ResourceCatalog([");
        var methods = new List<ResourceDescriptor>();
        foreach (var r in all)
        {
            if (reviewed.Contains(r))
            {
                w.Add($"        Reviewed[{Str(r.TypeName)}],");
                continue;
            }

            w.Add($"        {MethodName(r)}(),");
            methods.Add(r);
        }

        w.Add("    ]));");
        w.Add("");
        w.Add($"    /// <summary>Every list operation of the spec ({all.Count}): the reviewed ones and the generated rest (Catalog:Include selects from it).</summary>");
        w.Add("    public static ResourceCatalog All => AllLists.Value;");
        foreach (var r in methods)
        {
            w.Add("");
            WriteResource(w, r, $"    private static ResourceDescriptor {MethodName(r)}() => new(", "    );");
        }

        w.Add("}");
        return w.ToString();
    }

    /// <summary><c>WaldurWrites.g.cs</c>: the reviewed writes, one input field per line (nested fields inline).</summary>
    public static string WriteWrites(IReadOnlyList<WriteDescriptor> writes, string specName, string overridesName)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var w = new Lines();
        Header(w, specName, overridesName, "WaldurWrites");
        w.Add($"    /// <summary>The reviewed Waldur writes ({writes.Count}), each a GraphQL mutation.</summary>");
        w.Add("    public static IReadOnlyList<WriteDescriptor> Reviewed { get; } = [");
        foreach (var x in writes)
        {
            WriteWrite(w, x, "        new WriteDescriptor(", "        ),");
        }

        w.Add("    ];");
        w.Add("}");
        return w.ToString();
    }

    /// <summary>
    /// <c>WaldurWrites.All.g.cs</c>: every write no override reviews, for <c>Catalog:Include=*</c>; one small method per
    /// write (as for the lists: quick to JIT, never run by the default selection, a diff names the write that changed).
    /// </summary>
    public static string WriteGeneratedWrites(IReadOnlyList<WriteDescriptor> writes, string specName, string overridesName)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var w = new Lines();
        Header(w, specName, overridesName, "WaldurWrites");
        w.Add("    private static readonly Lazy<IReadOnlyList<WriteDescriptor>> GeneratedWrites = new(() => [");
        foreach (var x in writes)
        {
            w.Add($"        {WriteMethodName(x)}(),");
        }

        w.Add("    ]);");
        w.Add("");
        w.Add($"    /// <summary>The Waldur writes no override reviews ({writes.Count}), generated from the spec alone.</summary>");
        w.Add("    public static IReadOnlyList<WriteDescriptor> Generated => GeneratedWrites.Value;");
        foreach (var x in writes)
        {
            w.Add("");
            w.Add($"    private static WriteDescriptor {WriteMethodName(x)}() =>");
            WriteWrite(w, x, "        new WriteDescriptor(", "        );");
        }

        w.Add("}");
        return w.ToString();
    }

    private static string WriteMethodName(WriteDescriptor x) => "Write" + Naming.Capitalise(x.Name);

    private static void WriteWrite(Lines w, WriteDescriptor x, string open, string close)
    {
        const string I = "            ";
        w.Add(open);
        w.Add($"{I}Name: {Str(x.Name)},");
        w.Add($"{I}OperationId: {Str(x.OperationId)},");
        w.Add($"{I}Method: {Str(x.Method)},");
        w.Add($"{I}Path: {Str(x.Path)},");
        w.Add($"{I}Kind: WriteKind.{x.Kind},");
        w.Add($"{I}TypeName: {Str(x.TypeName)},");
        w.Add($"{I}PayloadField: {Str(x.PayloadField)},");
        w.Add($"{I}Description: {Str(x.Description)},");
        List(w, "Input", x.Input, InputField);
        w.Add($"{I}Asynchronous: {Bool(x.Asynchronous)},");
        w.Add($"{I}Idempotent: {Bool(x.Idempotent)},");
        var tail = new List<string> { $"Source: {Str(x.Source)}" };
        if (x.PathParameters is { } parameters)
        {
            tail.Add($"PathParameters: [{string.Join(", ", parameters.Select(Str))}]");
        }

        if (x.ResultType is { } resultType)
        {
            tail.Add($"ResultType: {Str(resultType)}");
        }

        if (x.AnswerType is { } answer)
        {
            tail.Add($"AnswerType: new AnswerTypeDescriptor({Str(answer.TypeName)}, {Str(answer.Description)}, [{string.Join(", ", answer.Fields.Select(Field))}])");
        }

        if (x.ResultIsList)
        {
            tail.Add("ResultIsList: true");
        }

        if (x.Tag is { } tag)
        {
            tail.Add($"Tag: {Str(tag)}");
        }

        for (var i = 0; i < tail.Count; i++)
        {
            w.Add($"{I}{tail[i]}{(i < tail.Count - 1 ? "," : "")}");
        }

        w.Add(close);
    }

    private static string InputField(InputFieldDescriptor f)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"new InputFieldDescriptor({Str(f.Name)}, {Str(f.JsonName)}, ValueKind.{f.Kind}, {Bool(f.Required)}, {Str(f.Description)}");
        if (f.IsList)
        {
            sb.Append(", IsList: true");
        }

        if (f.ReferenceType is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", ReferenceType: {Str(f.ReferenceType)}");
        }

        if (f.EnumValues is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", EnumValues: [{string.Join(", ", f.EnumValues.Select(Str))}]");
        }

        if (f.EnumType is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", EnumType: {Str(f.EnumType)}");
        }

        if (f.Fields is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", Fields: [{string.Join(", ", f.Fields.Select(InputField))}]");
        }

        if (f.MaxLength is { } max)
        {
            sb.Append(CultureInfo.InvariantCulture, $", MaxLength: {max}");
        }

        if (f.UrlTemplate is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", UrlTemplate: {Str(f.UrlTemplate)}");
        }

        return sb.Append(')').ToString();
    }

    private static void Header(Lines w, string specName, string overridesName, string className = "WaldurCatalog")
    {
        w.Add("// <auto-generated>");
        w.Add($"// Generated by Waldur.Catalog.Generator from spec/waldur/{specName} and src/Waldur.Catalog/Overrides/{overridesName}.");
        w.Add($"// Do not edit: change the overrides, then run `{Command}`.");
        w.Add($"// `{Command} -- --check` fails when this file is not what the spec and the overrides produce.");
        w.Add("// </auto-generated>");
        w.Add("using Waldur.Catalog.Model;");
        w.Add("");
        w.Add("namespace Waldur.Catalog.Generated;");
        w.Add("");
        w.Add($"public static partial class {className}");
        w.Add("{");
    }

    private static string MethodName(ResourceDescriptor r) => "Create" + r.TypeName;

    private static void WriteResource(Lines w, ResourceDescriptor r, string open, string close)
    {
        const string I = "            ";
        w.Add(open);
        w.Add($"{I}TypeName: {Str(r.TypeName)},");
        w.Add($"{I}Description: {Str(r.Description)},");
        w.Add($"{I}Noun: {Str(r.Noun)},");
        w.Add($"{I}NounPlural: {Str(r.NounPlural)},");
        w.Add($"{I}Path: {Str(r.Path)},");
        w.Add($"{I}Tag: {Str(r.Tag)},");
        w.Add($"{I}ListOperationId: {Str(r.ListOperationId)},");
        w.Add($"{I}RetrieveOperationId: {Str(r.RetrieveOperationId)},");
        w.Add($"{I}ListField: {Str(r.ListField)},");
        w.Add($"{I}ListDescription: {Str(r.ListDescription)},");
        w.Add($"{I}ByUuidField: {Str(r.ByUuidField)},");
        w.Add($"{I}ByUuidsField: {Str(r.ByUuidsField)},");
        w.Add($"{I}Paged: {Bool(r.Paged)},");
        List(w, "Fields", r.Fields, Field);
        List(w, "Filters", r.Filters, f => $"new FilterDescriptor({Str(f.Parameter)}, {Str(f.Field)}, FilterLookup.{f.Lookup})");
        List(w, "Orders", r.Orders, o => $"new OrderDescriptor({Str(o.Field)}, {Str(o.Key)})");
        w.Add($"{I}DefaultOrder: {Str(r.DefaultOrder)},");
        w.Add($"{I}Batch: {(r.Batch is null ? "null" : $"new BatchDescriptor({Str(r.Batch.Parameter)}, FilterLookup.{r.Batch.Lookup})")},");
        // Optional trailing members are written only when set; the last written member has no comma.
        var trailing = new List<string>();
        if (r.ScanForLookups)
        {
            trailing.Add("ScanForLookups: true");
        }

        if (r.SparseFields)
        {
            trailing.Add("SparseFields: true");
        }

        if (r.FollowWaldurOrder)
        {
            trailing.Add("FollowWaldurOrder: true");
        }

        if (r.Parent is not null)
        {
            trailing.Add($"Parent: {Str(r.Parent)}");
        }

        List(w, "ReverseConnections", r.ReverseConnections,
            c => $"new ReverseConnectionDescriptor({Str(c.Name)}, {Str(c.SourceType)}, {Str(c.ViaField)}, {Str(c.Description)}{Ancestors(c)})", last: trailing.Count == 0);
        for (var i = 0; i < trailing.Count; i++)
        {
            w.Add($"{I}{trailing[i]}{(i == trailing.Count - 1 ? "" : ",")}");
        }

        w.Add(close);
    }

    private static string Field(FieldDescriptor f)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"new FieldDescriptor({Str(f.Name)}, {Str(f.JsonName)}, ValueKind.{f.Kind}, {Bool(f.Nullable)}, {Str(f.Description)}");
        if (f.IsList)
        {
            sb.Append(", IsList: true");
        }

        if (f.ObjectType is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", ObjectType: {Str(f.ObjectType)}");
        }

        if (!f.Filterable)
        {
            sb.Append(", Filterable: false");
        }

        if (!f.Sortable)
        {
            sb.Append(", Sortable: false");
        }

        if (f.FilterDescription is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", FilterDescription: {Str(f.FilterDescription)}");
        }

        if (f.ReferenceOperationId is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", ReferenceOperationId: {Str(f.ReferenceOperationId)}");
        }

        if (f.ReferenceField is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", ReferenceField: {Str(f.ReferenceField)}");
        }

        if (f.ReferenceFromUrl)
        {
            sb.Append(", ReferenceFromUrl: true");
        }

        if (f.EnumValues is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", EnumValues: [{string.Join(", ", f.EnumValues.Select(Str))}]");
        }

        if (f.EnumType is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", EnumType: {Str(f.EnumType)}");
        }

        if (!f.Projectable)
        {
            sb.Append(", Projectable: false");
        }

        return sb.Append(')').ToString();
    }

    private static void List<T>(Lines w, string name, IReadOnlyList<T> items, Func<T, string> item, bool last = false)
    {
        const string I = "            ";
        var end = last ? "" : ",";
        if (items.Count == 0)
        {
            w.Add($"{I}{name}: []{end}");
            return;
        }

        w.Add($"{I}{name}: [");
        foreach (var x in items)
        {
            w.Add($"{I}    {item(x)},");
        }

        w.Add($"{I}]{end}");
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Ancestors(ReverseConnectionDescriptor c) =>
        c.AncestorFields.Count == 0 ? "" : $", Ancestors: [{string.Join(", ", c.AncestorFields.Select(Str))}]";

    /// <summary>A C# regular string literal (or <c>null</c>).</summary>
    public static string Str(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private sealed class Lines
    {
        private readonly StringBuilder _sb = new();

        public void Add(string line) => _sb.Append(line).Append('\n');

        public override string ToString() => _sb.ToString();
    }
}
