using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Infrastructure.Persistence.PostgreSql;
using Npgsql;

namespace Ditib.Beratung.UnitTests.Persistence;

public sealed class PostgreSqlErrorsTests
{
    [Theory]
    [InlineData("P0001", "slot_full", null, "This slot is fully booked.")]
    [InlineData("P0001", "slot_not_open", null, "This slot has been cancelled.")]
    [InlineData("23P01", "conflicting key value violates exclusion constraint \"slot_overlap\"", "slot_overlap", "The slot overlaps another open slot of this counsellor.")]
    [InlineData("23505", "duplicate key value violates unique constraint", "ux_app_user_username", "This user name is already taken.")]
    [InlineData("23505", "duplicate key value violates unique constraint", "ux_counsellor_user", "This user account is already linked to another counsellor profile.")]
    [InlineData("P0001", "audit_append_only", null, "The change conflicts with data already stored.")]
    [InlineData("23503", "violates foreign key constraint", "booking_data_key_id_fkey", "The change conflicts with data already stored.")]
    public void AGuardOfTheSchema_IsTheSameConflictAsOnSqlite(string state, string message, string? constraint, string answer)
    {
        var conflict = Assert.IsType<ConflictException>(new PostgreSqlErrors().Translate(Error(state, message, constraint)));

        Assert.Equal(answer, conflict.Message);
    }

    [Theory]
    [InlineData("40001")]
    [InlineData("40P01")]
    public void ATransactionThatCouldNotBeSerialised_IsRunAgain(string state) =>
        Assert.IsType<SerializationConflictException>(new PostgreSqlErrors().Translate(Error(state, "could not serialize access")));

    [Theory]
    [InlineData("53300")]
    [InlineData("57P01")]
    [InlineData("57P03")]
    [InlineData("08006")]
    public void AServerThatRefusesOrEnds_IsBusy(string state) =>
        Assert.IsType<DatabaseBusyException>(new PostgreSqlErrors().Translate(Error(state, "unavailable")));

    [Theory]
    [InlineData("22021")]
    [InlineData("22P05")]
    public void ATextPostgreSqlCannotStore_IsBadInput(string state) =>
        Assert.IsType<UnstorableTextException>(new PostgreSqlErrors().Translate(Error(state, "invalid byte sequence for encoding \"UTF8\": 0x00")));

    [Fact]
    public void AnUnexpectedError_IsLeftAsItIs() =>
        Assert.Null(new PostgreSqlErrors().Translate(Error("42601", "syntax error")));

    private static PostgresException Error(string state, string message, string? constraint = null) =>
        new(message, "ERROR", "ERROR", state, constraintName: constraint);
}
