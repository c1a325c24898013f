using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQLParser.AST;

namespace Waldur.GraphGateway.Http;

/// <summary>
/// For one parsed document: the values of the variables the variable-reading rules can see
/// (<see cref="ValidationRuleSets.VariableReading"/>) with which an operation already passed them, so a repeated
/// request (a dashboard polling, the next page of a list, which only changes its cursor) skips them. Those rules read
/// only the arguments <see cref="PageSizeComplexity.ArgumentsRead"/> names, and which fields count depends on
/// directives, so only variables written inside such an argument or a directive are part of the key; a variable used
/// only as a cursor or a uuid is not. Only passes are kept, at most <see cref="MaxKeys"/> per document, and a key longer
/// than <see cref="MaxKeyLength"/> (a large filter) is not kept at all.
/// </summary>
internal sealed class VariableVerdicts
{
    public const int MaxKeys = 32;
    public const int MaxKeyLength = 1024;

    private readonly string[] _names;
    private readonly ConcurrentDictionary<string, bool> _passed = new(StringComparer.Ordinal);

    public VariableVerdicts(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            Collect(definition, names);
        }

        _names = [.. names];
    }

    /// <summary>The variables whose values the key holds, in ordinal order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The verdict key of an operation with these variables, or null when it is too long to keep.</summary>
    public string? KeyFor(string? operationName, Inputs? variables)
    {
        var key = new StringBuilder(operationName ?? "");
        foreach (var name in _names)
        {
            key.Append('\u0001').Append(name);
            if (variables is null || !variables.TryGetValue(name, out var value))
            {
                // Absent is not null: an absent variable takes its default value.
                key.Append('\u0002');
            }
            else if (!Append(key, value))
            {
                return null;
            }

            if (key.Length > MaxKeyLength)
            {
                return null;
            }
        }

        return key.ToString();
    }

    public bool Passed(string key) => _passed.ContainsKey(key);

    public void MarkPassed(string key)
    {
        if (_passed.Count < MaxKeys)
        {
            _passed.TryAdd(key, true);
        }
    }

    /// <summary>
    /// The variables in a definition or selection: in its directives' arguments, in a field's costed arguments, and in
    /// everything it selects (fragment definitions are walked once each, from the document's definitions).
    /// </summary>
    private static void Collect(ASTNode node, SortedSet<string> names)
    {
        if (node is IHasDirectivesNode { Directives: { } directives })
        {
            foreach (var directive in directives.Items)
            {
                CollectArguments(directive.Arguments, costedOnly: false, names);
            }
        }

        if (node is GraphQLField field)
        {
            CollectArguments(field.Arguments, costedOnly: true, names);
        }

        if (node is IHasSelectionSetNode { SelectionSet: { } selection })
        {
            foreach (var selected in selection.Selections)
            {
                Collect(selected, names);
            }
        }
    }

    private static void CollectArguments(GraphQLArguments? arguments, bool costedOnly, SortedSet<string> names)
    {
        foreach (var argument in arguments?.Items ?? [])
        {
            if (!costedOnly || PageSizeComplexity.ArgumentsRead.Contains(argument.Name.StringValue))
            {
                CollectValue(argument.Value, names);
            }
        }
    }

    private static void CollectValue(GraphQLValue value, SortedSet<string> names)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                names.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                {
                    CollectValue(item, names);
                }

                break;
            case GraphQLObjectValue obj:
                foreach (var field in obj.Fields ?? [])
                {
                    CollectValue(field.Value, names);
                }

                break;
        }
    }

    /// <summary>A text between quotes, its quotes and backslashes escaped, so where it ends is never in doubt.</summary>
    private static void AppendQuoted(StringBuilder key, string text)
    {
        key.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                key.Append('\\');
            }

            key.Append(c);
        }

        key.Append('"');
    }

    /// <summary>
    /// A variable's value as parsed from the request's JSON, written so that two values share a text only when they
    /// are equal (each scalar tagged with its type); false for a value of a kind it does not know.
    /// </summary>
    private static bool Append(StringBuilder key, object? value)
    {
        switch (value)
        {
            case null:
                key.Append('\u0003');
                return true;
            case string text:
                AppendQuoted(key, text);
                return true;
            case bool flag:
                key.Append(flag ? "true" : "false");
                return true;
            case IFormattable number:
                key.Append(number.GetType().Name).Append(':').Append(number.ToString(null, CultureInfo.InvariantCulture));
                return true;
            case IDictionary<string, object?> map:
                key.Append('{');
                foreach (var (name, item) in map)
                {
                    AppendQuoted(key, name);
                    key.Append(':');
                    if (!Append(key, item))
                    {
                        return false;
                    }

                    key.Append(',');
                }

                key.Append('}');
                return true;
            case IEnumerable items:
                key.Append('[');
                foreach (var item in items)
                {
                    if (!Append(key, item))
                    {
                        return false;
                    }

                    key.Append(',');
                }

                key.Append(']');
                return true;
            default:
                return false;
        }
    }
}
