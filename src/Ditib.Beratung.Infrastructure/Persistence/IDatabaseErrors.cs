using System.Data.Common;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>
/// The one place where a database provider's errors become the application's answers: its guards (triggers, unique
/// keys) become <see cref="Domain.Common.ConflictException"/>s, a busy database a
/// <see cref="Application.Common.DatabaseBusyException"/>. <see cref="DbSession"/> applies it to every statement, so
/// the stores catch nothing and no layer above Infrastructure names a provider's exception.
/// </summary>
public interface IDatabaseErrors
{
    /// <summary>The application's exception for the database's error, or null when it is unexpected (a 500).</summary>
    Exception? Translate(DbException exception);
}
