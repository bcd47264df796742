using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The one place where the stores' shared SQL is adapted to a provider. Dapper expands a list parameter
/// (<c>slot_id IN @slotIds</c>) into one parameter per element on SQLite, but binds it as a single array on
/// PostgreSQL and leaves the text alone, which PostgreSQL cannot parse; there <c>IN @list</c> is written
/// <c>= ANY(@list)</c> and <c>NOT IN @list</c> <c>&lt;&gt; ALL(@list)</c> (same meaning, an empty list included).
/// Lists must then be arrays or lists, not lazy sequences. SQLite's <c>group_concat(value, separator)</c> is written
/// <c>string_agg(value, separator)</c>, PostgreSQL's built-in with the same meaning (nulls skipped; the order is
/// CodeList's business): the schema's own <c>group_concat</c> aggregate calls a SQL function per row, which the
/// search runs for two code lists on each of its 50 rows. Everything else is the same text on both.
/// </summary>
public sealed partial class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(postgreSql: false);
    public static readonly SqlDialect PostgreSql = new(postgreSql: true);

    private readonly bool postgreSql;
    private readonly ConcurrentDictionary<string, string> adapted = new(StringComparer.Ordinal);

    private SqlDialect(bool postgreSql) => this.postgreSql = postgreSql;

    public string Adapt(string sql) => postgreSql
        ? adapted.GetOrAdd(sql, static text => GroupConcat().Replace(ListParameter().Replace(text, ToArray), "string_agg("))
        : sql;

    private static string ToArray(Match match) =>
        match.Groups["not"].Success ? $"<> ALL({match.Groups["name"].Value})" : $"= ANY({match.Groups["name"].Value})";

    [GeneratedRegex(@"\b(?<not>NOT\s+)?IN\s+(?<name>@\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListParameter();

    [GeneratedRegex(@"\bgroup_concat\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupConcat();
}
