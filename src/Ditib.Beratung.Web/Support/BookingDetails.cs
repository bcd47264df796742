using Ditib.Beratung.Application.Bookings;

namespace Ditib.Beratung.Web.Support;

/// <summary>A booking as its pages show it: the slot in local time, topic and language named in the page's language.</summary>
public sealed record BookingDetails(BookingDto Booking, SlotView Slot, string TopicName, string LanguageName)
{
    public bool Confirmed => Booking.Status == "confirmed";
}
