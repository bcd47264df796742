using System.Data;
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

    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LocalDateHandler());
        SqlMapper.AddTypeHandler(new LocalTimeHandler());
        // Dapper maps Guid parameters itself unless its built-in mapping is removed first.
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        // Npgsql sends a bool as boolean, which PostgreSQL does not compare with or store in the bigint 0/1 columns.
        SqlMapper.RemoveTypeMap(typeof(bool));
        SqlMapper.RemoveTypeMap(typeof(bool?));
        SqlMapper.AddTypeHandler(new FlagHandler());
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<Instant>
    {
        public override void SetValue(IDbDataParameter parameter, Instant value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = InstantText.Format(value);
        }

        public override Instant Parse(object value) => InstantText.Parse((string)value).GetValueOrThrow();
    }

    private sealed class LocalDateHandler : SqlMapper.TypeHandler<LocalDate>
    {
        public override void SetValue(IDbDataParameter parameter, LocalDate value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = LocalDatePattern.Iso.Format(value);
        }

        public override LocalDate Parse(object value) => LocalDatePattern.Iso.Parse((string)value).GetValueOrThrow();
    }

    private sealed class LocalTimeHandler : SqlMapper.TypeHandler<LocalTime>
    {
        private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

        public override void SetValue(IDbDataParameter parameter, LocalTime value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Pattern.Format(value);
        }

        public override LocalTime Parse(object value) => Pattern.Parse((string)value).GetValueOrThrow();
    }

    private sealed class FlagHandler : SqlMapper.TypeHandler<bool>
    {
        public override void SetValue(IDbDataParameter parameter, bool value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value ? 1L : 0L;
        }

        public override bool Parse(object value) =>
            value is bool flag ? flag : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }

        public override Guid Parse(object value) => value is Guid guid ? guid : Guid.Parse((string)value);
    }
}
