using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;

namespace Ditib.Beratung.UnitTests.Common;

public sealed class NulCharactersTests
{
    [Fact]
    public void FieldsHoldingNul_NamesEachTextHoldingIt_NestedAndInListsToo()
    {
        var hours = new SetHours(Guid.CreateVersion7(),
            [new WeeklyHoursDto("monday", "09:00", "12:00", 45, "in-person", "Raum 1", 1), new WeeklyHoursDto("tuesday", "09:00", "12:00", 45, "in-person", "Raum\02", 1)],
            [new HoursExceptionDto("2026-12-24", false, [new WindowDto("09:00", "1\02:00", 30, "phone", null, 1)])]);

        Assert.Equal(["Weekly[1].Location", "Exceptions[0].Hours[0].To"], NulCharacters.FieldsHoldingNul(hours));
    }

    [Fact]
    public void FieldsHoldingNul_NamesAStringInAListAndANestedRecord()
    {
        var booking = new BookSlot(Guid.CreateVersion7(), "Erfundene Testperson", null, null, "tr", "family", false, null,
            new ConsentDto("2026-11\0", true));

        Assert.Equal(["Consent.PrivacyNoticeVersion"], NulCharacters.FieldsHoldingNul(booking));
        Assert.Equal(["Topics[1]"], NulCharacters.FieldsHoldingNul(new CreateCounsellor("Erfundene Beraterin", ["de"], ["family", "educ\0ation"], null)));
    }

    [Fact]
    public void FieldsHoldingNul_FindsNothingInOtherwiseOddText()
    {
        var booking = new BookSlot(Guid.CreateVersion7(), "Ayşe\u202E\u0007\uFFFD 😀 \\0 %00", null, null, "tr", "family", false, "Zeile 1\r\nZeile 2\t",
            new ConsentDto("2026-11", true));

        Assert.Empty(NulCharacters.FieldsHoldingNul(booking));
        Assert.Empty(NulCharacters.FieldsHoldingNul(null));
        Assert.Empty(NulCharacters.FieldsHoldingNul(new StoredAnswer(new byte[16], new byte[64])));
    }
}
