using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Domain;

/// <summary>The slot aggregate answers whether a request can have a place, with an answer per reason.</summary>
public sealed class SlotBookableTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 10, 0);
    private static readonly Duration Notice = Duration.FromHours(24);
    private static readonly PlaceRequest FamilyInTurkish = new("family", "tr", InterpreterNeeded: false, Notice);

    private static Slot SlotOf(int capacity = 2, int taken = 0, bool active = true, SlotStatus status = SlotStatus.Open, Instant? start = null)
    {
        var begins = start ?? Now + Duration.FromDays(3);
        return new Slot(Guid.CreateVersion7(), Guid.CreateVersion7(), begins, begins + Duration.FromMinutes(45), SlotMode.InPerson, "Raum 2",
            capacity, status, null, taken, new SlotCounsellor("Erfundene Beraterin", active, ["family", "education"], ["de", "tr"]));
    }

    [Fact]
    public void EnsureBookable_OpenSlotWithAFreePlace_Passes()
    {
        SlotOf(capacity: 2, taken: 1).EnsureBookable(FamilyInTurkish, Now);
        Assert.Equal(1, SlotOf(capacity: 2, taken: 1).Remaining);
    }

    [Fact]
    public void EnsureBookable_WhenFull_IsAConflict()
    {
        var thrown = Assert.Throws<ConflictException>(() => SlotOf(capacity: 2, taken: 2).EnsureBookable(FamilyInTurkish, Now));
        Assert.Contains("fully booked", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureBookable_WhenCancelledOrCounsellorInactive_IsAConflict()
    {
        Assert.Throws<ConflictException>(() => SlotOf(status: SlotStatus.Cancelled).EnsureBookable(FamilyInTurkish, Now));
        Assert.Throws<ConflictException>(() => SlotOf(active: false).EnsureBookable(FamilyInTurkish, Now));
    }

    [Fact]
    public void EnsureBookable_InsideTheNotice_BreaksARule_UnlessTheRequestKeepsNone()
    {
        var soon = SlotOf(start: Now + Duration.FromHours(2));

        var thrown = Assert.Throws<DomainRuleException>(() => soon.EnsureBookable(FamilyInTurkish, Now));
        Assert.Equal("slotId", thrown.Field);
        soon.EnsureBookable(FamilyInTurkish with { MinimumNotice = Duration.Zero }, Now);
    }

    [Fact]
    public void EnsureBookable_TopicTheCounsellorDoesNotAdviseOn_NamesTheTopic()
    {
        var thrown = Assert.Throws<DomainRuleException>(() => SlotOf().EnsureBookable(FamilyInTurkish with { Topic = "dementia" }, Now));
        Assert.Equal("topic", thrown.Field);
    }

    [Fact]
    public void EnsureBookable_LanguageTheCounsellorDoesNotSpeak_NamesTheLanguage_UnlessAnInterpreterIsAskedFor()
    {
        var arabic = FamilyInTurkish with { Language = "ar" };

        var thrown = Assert.Throws<DomainRuleException>(() => SlotOf().EnsureBookable(arabic, Now));
        Assert.Equal("language", thrown.Field);
        SlotOf().EnsureBookable(arabic with { InterpreterNeeded = true }, Now);
    }
}
