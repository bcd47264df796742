using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

public sealed class SlotSearchTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Search_ByCounsellor_ListsOnlyThatCounsellorsSlots()
    {
        var desk = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (first, _) = await Scenario.CounsellorWithSlotsAsync(desk, name: "Erste Testberaterin");
        var (second, _) = await Scenario.CounsellorWithSlotsAsync(desk, name: "Zweite Testberaterin");

        var all = await Scenario.SearchAsync(api.CreateClient(), "topic=family&language=tr&from=2026-12-01&to=2026-12-14&limit=200");
        var hers = await Scenario.SearchAsync(api.CreateClient(), $"topic=family&language=tr&from=2026-12-01&to=2026-12-14&limit=200&counsellorId={second}");

        Assert.Contains(all, s => s["counsellor"]!.GetValue<string>() == "Erste Testberaterin");
        Assert.NotEmpty(hers);
        Assert.All(hers, s => Assert.Equal("Zweite Testberaterin", s["counsellor"]!.GetValue<string>()));
        Assert.NotEqual(first, second);
    }
}
