namespace Ditib.Beratung.Domain.Bookings;

public enum BookingStatus
{
    Confirmed,
    CancelledByResident,
    CancelledByCentre,
    Attended,
    NoShow,
}

public static class BookingStatuses
{
    /// <summary>
    /// Statuses that hold a place in the slot (they count against its capacity). The database's table booking_status
    /// (sql/0014), which its capacity and places triggers ask, holds the same set; a test compares the two.
    /// </summary>
    public static readonly IReadOnlyList<BookingStatus> HoldingAPlace =
        [BookingStatus.Confirmed, BookingStatus.Attended, BookingStatus.NoShow];

    public static bool HoldsAPlace(this BookingStatus status) => HoldingAPlace.Contains(status);

    public static string ToCode(this BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "confirmed",
        BookingStatus.CancelledByResident => "cancelled-by-resident",
        BookingStatus.CancelledByCentre => "cancelled-by-centre",
        BookingStatus.Attended => "attended",
        BookingStatus.NoShow => "no-show",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static BookingStatus Parse(string code) => code switch
    {
        "confirmed" => BookingStatus.Confirmed,
        "cancelled-by-resident" => BookingStatus.CancelledByResident,
        "cancelled-by-centre" => BookingStatus.CancelledByCentre,
        "attended" => BookingStatus.Attended,
        "no-show" => BookingStatus.NoShow,
        _ => throw new ArgumentException("Unknown booking status.", nameof(code)),
    };
}
