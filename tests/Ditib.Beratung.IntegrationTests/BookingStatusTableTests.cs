using Dapper;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.IntegrationTests.Support;
using System.Data.Common;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// The booking states are written once in the database (table booking_status, migration 0014), which the capacity and
/// places triggers ask, and once in the domain (<see cref="BookingStatuses"/>): the two must say the same.
/// </summary>
public sealed class BookingStatusTableTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public void TheTable_HoldsEveryStateOfTheDomain_AndTheSameOnesHoldAPlace()
    {
        using var connection = OpenMigratedDatabase();
        var rows = connection.Query<(string Code, long HoldsPlace)>("SELECT code, holds_place FROM booking_status").ToList();

        Assert.Equal(
            Enum.GetValues<BookingStatus>().Select(s => s.ToCode()).Order(),
            rows.Select(r => r.Code).Order());
        Assert.Equal(
            BookingStatuses.HoldingAPlace.Select(s => s.ToCode()).Order(),
            rows.Where(r => r.HoldsPlace == 1).Select(r => r.Code).Order());
    }

    [Theory]
    [InlineData("UPDATE booking_status SET holds_place = 0 WHERE code = 'no-show'")]
    [InlineData("DELETE FROM booking_status WHERE code = 'attended'")]
    public void AStatesMeaning_CannotBeChangedInPlace(string sql)
    {
        using var connection = OpenMigratedDatabase();

        var refused = Assert.ThrowsAny<DbException>(() => connection.Execute(sql));

        Assert.Contains("booking_status_fixed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM booking_status WHERE holds_place = 1"));
    }

    /// <summary>The test database once the host has started and applied the migrations.</summary>
    private DbConnection OpenMigratedDatabase()
    {
        _ = api.Services;
        return api.OpenDatabase();
    }
}
