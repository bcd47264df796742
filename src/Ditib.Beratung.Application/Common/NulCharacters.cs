using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Ditib.Beratung.Application.Common;

/// <summary>
/// Finds the text fields of a request that hold U+0000 (NUL): its strings, the strings in its lists and in the records
/// nested in it, whether they came from a JSON body, a form or a command-line verb. No text of this system holds NUL;
/// PostgreSQL's text cannot, and refusing it on SQLite too keeps the two providers alike and keeps it out of exports,
/// CSV files and e-mail headers. <see cref="ValidationBehaviour{TRequest,TResponse}"/> refuses such a request first.
/// </summary>
public static class NulCharacters
{
    public const string Message = "Must not contain the character U+0000 (NUL).";

    /// <summary>Requests are flat records; the bound only guards against a type that refers to itself.</summary>
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Readable = new();

    private static readonly ConcurrentDictionary<Type, bool> Scalars = new();

    /// <summary>The paths of the fields holding NUL, as validators name them: <c>Name</c>, <c>Weekly[0].Location</c>.</summary>
    public static IReadOnlyList<string> FieldsHoldingNul(object? request)
    {
        var found = new List<string>();
        Walk(request, "", found, 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    found.Add(path);
                }

                return;
            case IEnumerable items when depth < MaxDepth && !Scalars.GetOrAdd(value.GetType(), HoldsScalarsOnly):
                var index = 0;
                foreach (var item in items)
                {
                    if (item is string || (item is not null && IsOwn(item.GetType())))
                    {
                        Walk(item, $"{path}[{index}]", found, depth + 1);
                    }

                    index++;
                }

                return;
        }

        if (depth < MaxDepth && IsOwn(value.GetType()))
        {
            foreach (var property in Readable.GetOrAdd(value.GetType(), PropertiesOf))
            {
                Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", found, depth + 1);
            }
        }
    }

    /// <summary>Records and classes of this system; framework and NodaTime types hold no free text.</summary>
    private static bool IsOwn(Type type) =>
        !type.IsEnum && !type.IsPrimitive && type.Namespace?.StartsWith("Ditib.Beratung.", StringComparison.Ordinal) == true;

    private static PropertyInfo[] PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !IsScalar(p.PropertyType))
            .ToArray();

    /// <summary>A list of ids, numbers or dates (<c>IEnumerable&lt;Guid&gt;</c>, <c>byte[]</c>) is not walked item by item.</summary>
    private static bool HoldsScalarsOnly(Type collection) =>
        collection.GetInterfaces().Append(collection)
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .Any(IsScalar);

    /// <summary>Numbers, flags, ids, dates and the like cannot hold text: their getters are not even called.</summary>
    private static bool IsScalar(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsValueType && !IsOwn(inner);
    }
}
