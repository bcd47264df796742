using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Ditib.Beratung.Infrastructure.Persistence;

/// <summary>Why a copy was not made or not kept; the message names tables and columns, never a value.</summary>
public sealed class CopyRefusedException(string message) : Exception(message);

/// <summary>Rows of one table in the SQLite source and in the PostgreSQL copy.</summary>
public sealed record CopiedTable(string Name, long SourceRows, long CopiedRows);

/// <summary>
/// Copies the SQLite database into an empty PostgreSQL database that the PostgreSQL migrations have just made (the
/// step a centre takes when it joins a shared installation): every table in foreign-key order, every value as it is
/// (ciphertexts, hashes, the audit chain, ids and instants as their text), in one transaction that is only committed
/// when every table holds as many rows as in the source. The source is read in one snapshot. The target's own
/// triggers are switched off inside that transaction (the copy brings the places kept on the slot and the finished
/// audit chain with it, which the triggers would count or refuse again); its keys, checks and exclusion constraints
/// still check every row.
/// </summary>
public sealed class PostgreSqlCopy(ConnectionFactory source, IHostEnvironment environment, ILogger<DatabaseMigrator> migratorLog)
{
    /// <summary>DbUp's journal on either side: each database keeps its own.</summary>
    private const string Journal = "schemaversions";

    /// <summary>Said when a copy fails after the migrations made the tables: a second run needs an empty database again.</summary>
    public const string AfterMigration = "The database now holds the empty tables of the migrations: drop and re-create it before the next try.";

    /// <summary>
    /// Refuses a target that has any table yet, migrates it with the PostgreSQL migrations (under their advisory lock)
    /// and copies into it; returns the rows per table.
    /// </summary>
    public async Task<IReadOnlyList<CopiedTable>> MigrateAndCopyAsync(string target, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureEmptyAsync(target, cancellationToken);
            var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL };
            options.Resolve(target, environment.ContentRootPath);
            new DatabaseMigrator(options, migratorLog).Migrate();
            try
            {
                return await CopyAsync(target, cancellationToken);
            }
            catch (CopyRefusedException refused)
            {
                throw new CopyRefusedException(refused.Message + " " + AfterMigration);
            }
        }
        catch (Exception failed) when (failed is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException })
        {
            throw new CopyRefusedException($"PostgreSQL refused: {Describe(failed as NpgsqlException ?? (NpgsqlException)failed.InnerException!)}. " +
                $"No data was copied. If the database got tables already: {AfterMigration}");
        }
    }

    /// <summary>True when <paramref name="connectionString"/> is an Npgsql connection string naming a host and a database.</summary>
    public static bool NamesADatabase(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(builder.Host) && !string.IsNullOrWhiteSpace(builder.Database);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>What the <c>backup</c> verb says on PostgreSQL: the database's own tool, with the command to use.</summary>
    public static string BackupIsPgDumpsJob(string connectionString, NodaTime.LocalDate today)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        return "This installation runs on PostgreSQL: backups are pg_dump's job, not this verb's (nothing was written). For example:\n" +
            $"  pg_dump --format=custom --host={database.Host} --port={database.Port} --username={database.Username} " +
            $"--file=/backups/beratung-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.dump {database.Database}\n" +
            "Restore with pg_restore into an empty database. Contents stay encrypted in the dump; keep the keys apart from it.";
    }

    /// <summary>The error's code and the table or constraint it names; the server's text only where it cannot quote a value.</summary>
    private static string Describe(NpgsqlException exception) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" or "3D000" or "42501" or "42P04" } known => known.MessageText,
        PostgresException other => $"error {other.SqlState}" + (other.TableName is { } table ? $" in table {table}" : "") +
            (other.ConstraintName is { } constraint ? $" (constraint {constraint})" : ""),
        _ => exception.Message,
    };

    /// <summary>Throws <see cref="CopyRefusedException"/> unless the target has no table in its schema yet.</summary>
    private static async Task EnsureEmptyAsync(string target, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync(cancellationToken);
        var tables = await ListAsync(connection, """
            SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name
            """, cancellationToken);
        if (tables.Count > 0)
        {
            throw new CopyRefusedException(
                $"The target database is not empty: it has {tables.Count} table(s) ({string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", …" : "")}). " +
                "copy-to-postgresql copies only into a new, empty database (createdb -O OWNER NAME); nothing was changed.");
        }
    }

    /// <summary>Copies into <paramref name="target"/>, migrated and otherwise empty; returns the rows per table.</summary>
    private async Task<IReadOnlyList<CopiedTable>> CopyAsync(string target, CancellationToken cancellationToken)
    {
        await using var sqlite = await source.OpenAsync(cancellationToken);
        await using var snapshot = sqlite.BeginTransaction(deferred: true);
        var tables = await SourceTablesAsync(sqlite, cancellationToken);

        await using var postgres = new NpgsqlConnection(target);
        await postgres.OpenAsync(cancellationToken);
        var targetColumns = await TargetColumnsAsync(postgres, cancellationToken);
        var plans = tables.Select(t => Plan(t, targetColumns)).ToList();

        await using var transaction = await postgres.BeginTransactionAsync(cancellationToken);
        foreach (var plan in plans)
        {
            await ExecuteAsync(postgres, $"ALTER TABLE {Quote(plan.Name)} DISABLE TRIGGER USER", cancellationToken);
        }

        // What the migrations seeded (languages, topics) is replaced by the source's rows, which may have been changed since.
        foreach (var plan in Enumerable.Reverse(plans))
        {
            await ExecuteAsync(postgres, $"DELETE FROM {Quote(plan.Name)}", cancellationToken);
        }

        var copied = new List<CopiedTable>();
        foreach (var plan in plans)
        {
            await CopyTableAsync(sqlite, postgres, plan, cancellationToken);
            var sourceRows = await CountAsync(sqlite, plan.Name, cancellationToken);
            var copiedRows = Convert.ToInt64(await ScalarAsync(postgres, $"SELECT COUNT(*) FROM {Quote(plan.Name)}", cancellationToken),
                CultureInfo.InvariantCulture);
            copied.Add(new CopiedTable(plan.Name, sourceRows, copiedRows));
        }

        await CopyAuditHighWaterAsync(sqlite, postgres, cancellationToken);
        foreach (var plan in plans)
        {
            await ExecuteAsync(postgres, $"ALTER TABLE {Quote(plan.Name)} ENABLE TRIGGER USER", cancellationToken);
        }

        var different = copied.Where(t => t.SourceRows != t.CopiedRows).ToList();
        if (different.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new CopyRefusedException("The copy was not kept: the row counts differ in " +
                string.Join(", ", different.Select(t => $"{t.Name} ({t.SourceRows} in SQLite, {t.CopiedRows} copied)")) + ".");
        }

        await transaction.CommitAsync(cancellationToken);

        // The planner's statistics of the freshly filled tables, now rather than whenever autovacuum gets to them: the
        // first searches on the copy would otherwise be planned as if the tables were empty.
        await ExecuteAsync(postgres, "ANALYZE " + string.Join(", ", plans.Select(plan => Quote(plan.Name))), cancellationToken);
        return copied;
    }

    private static async Task CopyTableAsync(SqliteConnection sqlite, NpgsqlConnection postgres, TablePlan plan, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", plan.Columns.Select(c => Quote(c.Name)));
        await using var read = sqlite.CreateCommand();
        read.CommandText = $"SELECT {columns} FROM {Quote(plan.Name)} ORDER BY {(plan.HasRowId ? "rowid" : "1")}";
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        await using var import = await postgres.BeginBinaryImportAsync(
            $"COPY {Quote(plan.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            await import.StartRowAsync(cancellationToken);
            for (var i = 0; i < plan.Columns.Count; i++)
            {
                var column = plan.Columns[i];
                if (rows.IsDBNull(i))
                {
                    await import.WriteNullAsync(cancellationToken);
                    continue;
                }

                await WriteAsync(import, plan.Name, column, rows.GetValue(i), cancellationToken);
            }
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter import, string table, TargetColumn column, object value, CancellationToken cancellationToken)
    {
        try
        {
            return column.Type switch
            {
                "bigint" => import.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint, cancellationToken),
                "integer" => import.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer, cancellationToken),
                "smallint" => import.WriteAsync(Convert.ToInt16(value, CultureInfo.InvariantCulture), NpgsqlDbType.Smallint, cancellationToken),
                "boolean" => import.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean, cancellationToken),
                "double precision" => import.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double, cancellationToken),
                "real" => import.WriteAsync(Convert.ToSingle(value, CultureInfo.InvariantCulture), NpgsqlDbType.Real, cancellationToken),
                "numeric" => import.WriteAsync(Convert.ToDecimal(value, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, cancellationToken),
                "text" or "character varying" or "character" when value is not byte[] =>
                    import.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text, cancellationToken),
                "bytea" when value is byte[] bytes => import.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception wrong) when (wrong is InvalidCastException or FormatException or OverflowException)
        {
            // The value itself stays out of the message: it may be personal data.
            throw new CopyRefusedException(
                $"{table}.{column.Name}: a SQLite value of type {value.GetType().Name} does not fit the PostgreSQL column of type {column.Type}; nothing was kept.");
        }
    }

    /// <summary>
    /// The audit chain's high-water mark: SQLite keeps it in sqlite_sequence, PostgreSQL in audit_high_water. It may be
    /// above the last entry (removed newest entries), and the verification on the copy must see what it sees here.
    /// </summary>
    private static async Task CopyAuditHighWaterAsync(SqliteConnection sqlite, NpgsqlConnection postgres, CancellationToken cancellationToken)
    {
        await using var read = sqlite.CreateCommand();
        read.CommandText = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'), 0)";
        var highWater = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        await using var write = new NpgsqlCommand("UPDATE audit_high_water SET seq = GREATEST(@highWater, (SELECT COALESCE(MAX(seq), 0) FROM audit_entry))", postgres);
        write.Parameters.AddWithValue("highWater", highWater);
        await write.ExecuteNonQueryAsync(cancellationToken);
    }

    private static TablePlan Plan(SourceTable table, IReadOnlyDictionary<string, Dictionary<string, TargetColumn>> target)
    {
        if (!target.TryGetValue(table.Name, out var columns))
        {
            throw new CopyRefusedException($"Table {table.Name} of the SQLite database has no counterpart in PostgreSQL: are both migrated to the same version?");
        }

        var missing = table.Columns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CopyRefusedException($"{table.Name} has column(s) {string.Join(", ", missing)} in SQLite but not in PostgreSQL.");
        }

        var unfilled = columns.Values.Where(c => c.Required && !table.Columns.Contains(c.Name)).Select(c => c.Name).ToList();
        if (unfilled.Count > 0)
        {
            throw new CopyRefusedException($"{table.Name} has required column(s) {string.Join(", ", unfilled)} in PostgreSQL that SQLite has not.");
        }

        return new TablePlan(table.Name, table.HasRowId, table.Columns.Select(c => columns[c]).ToList());
    }

    /// <summary>The source's tables, each after the tables it refers to.</summary>
    private static async Task<List<SourceTable>> SourceTablesAsync(SqliteConnection sqlite, CancellationToken cancellationToken)
    {
        var names = await ListAsync(sqlite, """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name
            """, cancellationToken);
        var tables = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !n.Equals(Journal, StringComparison.OrdinalIgnoreCase)))
        {
            var columns = await ListAsync(sqlite, $"SELECT name FROM pragma_table_info({Literal(name)}) ORDER BY cid", cancellationToken);
            var references = await ListAsync(sqlite, $"SELECT DISTINCT \"table\" FROM pragma_foreign_key_list({Literal(name)})", cancellationToken);
            var withoutRowId = (await ListAsync(sqlite, $"SELECT sql FROM sqlite_master WHERE name = {Literal(name)}", cancellationToken))
                .Single().Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase);
            tables[name] = new SourceTable(name, columns, references.Where(r => r != name).ToList(), !withoutRowId);
        }

        var ordered = new List<SourceTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Values.Where(t => !placed.Contains(t.Name) && t.References.All(placed.Contains)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                throw new CopyRefusedException("The tables " + string.Join(", ", tables.Keys.Where(n => !placed.Contains(n))) +
                    " refer to each other in a circle; there is no order to copy them in.");
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready.Select(t => t.Name));
        }

        return ordered;
    }

    private static async Task<Dictionary<string, Dictionary<string, TargetColumn>>> TargetColumnsAsync(NpgsqlConnection postgres, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.table_name, c.column_name, c.data_type,
                   c.is_nullable = 'NO' AND c.column_default IS NULL AND c.is_identity = 'NO' AND c.is_generated = 'NEVER' AS required
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = current_schema()
            """;
        var tables = new Dictionary<string, Dictionary<string, TargetColumn>>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, postgres);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns))
            {
                tables[table] = columns = new Dictionary<string, TargetColumn>(StringComparer.Ordinal);
            }

            columns[reader.GetString(1)] = new TargetColumn(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3));
        }

        return tables;
    }

    private static async Task<long> CountAsync(SqliteConnection sqlite, string table, CancellationToken cancellationToken)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<string>> ListAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private sealed record SourceTable(string Name, List<string> Columns, List<string> References, bool HasRowId);

    private sealed record TargetColumn(string Name, string Type, bool Required);

    private sealed record TablePlan(string Name, bool HasRowId, List<TargetColumn> Columns);
}
