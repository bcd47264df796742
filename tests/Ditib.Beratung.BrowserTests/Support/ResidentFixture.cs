using Xunit.Abstractions;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>The app with one counsellor whose slots each take one person (see <see cref="Seed.CounsellorWithSlotsAsync"/>).</summary>
public class ResidentFixture(IMessageSink diagnostics) : BrowserFixture(diagnostics)
{
    public IReadOnlyDictionary<string, string> TopicNames { get; private set; } = new Dictionary<string, string>();

    protected override async Task SeedAsync(HttpClient admin)
    {
        await Seed.CounsellorWithSlotsAsync(admin);
        TopicNames = await Seed.NamesAsync(admin, "topics", Seed.Topic);
    }
}
