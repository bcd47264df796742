using System.Data;
using System.Globalization;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// How NodaTime values and ids are stored: instants as fixed-width UTC text (so they sort as text), dates as
/// yyyy-MM-dd, local times as HH:mm, ids as text, flags as the integers 0 and 1. The same on SQLite and PostgreSQL.
/// Registered once per process.
/// </summary>
public static class TypeHandlers
{
    public static readonly InstantPattern InstantText =
        InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffff'Z'");

    private static readonly LocalTimePattern TimeText = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper maps Guid and bool parameters itself unless its built-in mappings are removed first. Npgsql would send
        // a bool as boolean, which PostgreSQL neither compares with nor stores in the bigint 0/1 columns.
        foreach (var type in new[] { typeof(Guid), typeof(Guid?), typeof(bool), typeof(bool?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(typeof(Instant), new Handler<Instant>(DbType.String, v => InstantText.Format(v), v => InstantText.Parse((string)v).GetValueOrThrow()));
        SqlMapper.AddTypeHandler(typeof(LocalDate), new Handler<LocalDate>(DbType.String, v => LocalDatePattern.Iso.Format(v), v => LocalDatePattern.Iso.Parse((string)v).GetValueOrThrow()));
        SqlMapper.AddTypeHandler(typeof(LocalTime), new Handler<LocalTime>(DbType.String, v => TimeText.Format(v), v => TimeText.Parse((string)v).GetValueOrThrow()));
        SqlMapper.AddTypeHandler(typeof(Guid), new Handler<Guid>(DbType.String, v => v.ToString("D"), v => v is Guid guid ? guid : Guid.Parse((string)v)));
        SqlMapper.AddTypeHandler(typeof(bool), new Handler<bool>(DbType.Int64, v => v ? 1L : 0L,
            v => v is bool flag ? flag : Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0));
    }

    /// <summary>
    /// Writes a value as its stored form and reads it back. Unlike <see cref="SqlMapper.TypeHandler{T}"/>, it also types
    /// a null parameter: an untyped null is fine for SQLite, but PostgreSQL cannot tell the type of
    /// <c>@counsellorId IS NULL OR …</c> without it (42P08).
    /// </summary>
    private sealed class Handler<T>(DbType dbType, Func<T, object> write, Func<object, T> read) : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = dbType;
            parameter.Value = value is null or DBNull ? DBNull.Value : write((T)value);
        }

        public object? Parse(Type destinationType, object value) => read(value);
    }
}
