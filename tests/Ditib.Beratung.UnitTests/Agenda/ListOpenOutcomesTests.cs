using Ditib.Beratung.Application.Agenda;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Counsellors;
using Ditib.Beratung.Domain.Users;
using Moq;
using NodaTime;
using NodaTime.Testing;

namespace Ditib.Beratung.UnitTests.Agenda;

/// <summary>The worklist "Offen": who sees which appointments, the limit, and erased names.</summary>
public sealed class ListOpenOutcomesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 8, 0);
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private readonly Mock<ICurrentUser> user = new();
    private readonly Mock<ICounsellorRepository> counsellors = new();
    private readonly Mock<IOpenOutcomeQueries> queries = new();
    private readonly Mock<IEnvelopeCipher> cipher = new();

    [Fact]
    public async Task Desk_SeesEveryCounsellor_UpToTheLimit_AndIsToldThereIsMore()
    {
        user.Setup(u => u.IsInRole(Roles.Staff)).Returns(true);
        queries.Setup(q => q.ListAsync(Now, null, 3, It.IsAny<CancellationToken>()))
            .ReturnsAsync([Row("AAAA-AAAA", "Erfundene Eins"), Row("BBBB-BBBB", "Erfundene Zwei"), Row("CCCC-CCCC", "Erfundene Drei")]);

        var open = await Handler().Handle(new ListOpenOutcomes(Limit: 2), CancellationToken.None);

        Assert.True(open.More);
        Assert.Equal(["AAAA-AAAA Erfundene Eins", "BBBB-BBBB Erfundene Zwei"], open.Items.Select(i => $"{i.Reference} {i.Name}"));
        Assert.Equal("2026-11-29T09:00:00+01:00", open.Items[0].Start);
    }

    [Fact]
    public async Task Counsellor_SeesOnlyHerOwnAppointments()
    {
        var userId = Guid.CreateVersion7();
        var own = new Counsellor(Guid.CreateVersion7(), "Testberaterin Erfunden", ["de"], ["family"], true, userId);
        user.Setup(u => u.Id).Returns(userId);
        user.Setup(u => u.IsInRole(Roles.Counsellor)).Returns(true);
        counsellors.Setup(c => c.FindByUserAsync(userId, It.IsAny<CancellationToken>())).ReturnsAsync(own);
        queries.Setup(q => q.ListAsync(Now, own.Id, ListOpenOutcomesHandler.DefaultLimit + 1, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var open = await Handler().Handle(new ListOpenOutcomes(), CancellationToken.None);

        Assert.Empty(open.Items);
        Assert.False(open.More);
        queries.Verify(q => q.ListAsync(Now, own.Id, ListOpenOutcomesHandler.DefaultLimit + 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ErasedBooking_StaysOnTheList_WithoutAName()
    {
        user.Setup(u => u.IsInRole(Roles.Staff)).Returns(true);
        queries.Setup(q => q.ListAsync(Now, null, It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([Row("AAAA-AAAA", null) with { DataKeyId = null, SealedPersonalData = [] }]);

        var open = await Handler().Handle(new ListOpenOutcomes(), CancellationToken.None);

        Assert.Null(Assert.Single(open.Items).Name);
        cipher.VerifyNoOtherCalls();
    }

    private ListOpenOutcomesHandler Handler() =>
        new(new ScheduleAccess(user.Object, counsellors.Object), queries.Object, cipher.Object,
            new CentreSettings(Berlin, Duration.FromMinutes(120), Duration.FromHours(24)), new FakeClock(Now));

    /// <summary>A booking of yesterday 09:00 in Berlin whose sealed data the fake cipher opens to <paramref name="name"/>.</summary>
    private OpenOutcomeRow Row(string reference, string? name)
    {
        var id = Guid.CreateVersion7();
        var key = Guid.CreateVersion7();
        var sealedData = new byte[] { 7, (byte)reference[0] };
        if (name is not null)
        {
            cipher.Setup(c => c.DecryptAsync(key, sealedData, PersonalData.Context(id), It.IsAny<CancellationToken>()))
                .ReturnsAsync(SealedJson.Serialize(new PersonalData(name, null, null, null)));
        }

        var start = Instant.FromUtc(2026, 11, 29, 8, 0);
        return new OpenOutcomeRow(id, reference, key, sealedData, start, start + Duration.FromMinutes(45), "Testberaterin Erfunden", "in-person",
            "Raum 2");
    }
}
