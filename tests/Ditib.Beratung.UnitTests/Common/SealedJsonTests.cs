using System.Reflection;
using System.Text;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Referrals;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Common;

/// <summary>Every record that is sealed or stored as JSON comes back equal, dates and instants included.</summary>
public sealed class SealedJsonTests
{
    private static readonly Instant GivenAt = Instant.FromUtc(2026, 12, 1, 9, 0);

    /// <summary>The types the round trips below cover; a new sealed record must be added here and tested.</summary>
    private static readonly Type[] Covered = [typeof(PersonalData), typeof(ClientIdentity), typeof(ReferralDetails)];

    [Fact]
    public void PersonalData_RoundTrips() =>
        RoundTrip(new PersonalData("Erfundene Testperson", "+49 170 5550100", "test@example.invalid", "Erfundenes Anliegen\nzweite Zeile"));

    [Fact]
    public void ClientIdentity_RoundTrips()
    {
        var identity = new ClientIdentity("Erfundene Klientin", "+49 203 5550100", null, "1985-03-12", "Probeweg 3, 47169 Duisburg",
            [new RelatedPerson("child", "Erfundenes Kind", "2015-06-01")]);

        // The record holds a list, which records compare by reference: compare member by member.
        Assert.Equivalent(identity, SealedJson.Deserialize<ClientIdentity>(SealedJson.Serialize(identity)), strict: true);
    }

    [Fact]
    public void ReferralDetails_WithConsent_RoundTripsTheConsentInstant()
    {
        var details = new ReferralDetails("Kinderzuschlag", "Zusammenfassung", "Türkisch", new Consent("written", GivenAt, null), null, "Testberaterin");

        RoundTrip(details);
        Assert.Contains("\"givenAt\":\"2026-12-01T09:00:00Z\"", Encoding.UTF8.GetString(SealedJson.Serialize(details)), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferralDetails_WithLegalBasis_RoundTrips() =>
        RoundTrip(new ReferralDetails("Schutz", null, null, null, new LegalBasis("acute-danger", "Erfundene Begründung"), "Testberaterin"));

    [Fact]
    public void ReferralDetails_WrittenBeforeTheFix_ReadTheLostConsentDateAsUnknown()
    {
        var earlier = """{"purpose":"Kinderzuschlag","summary":null,"languageNeeds":null,"consent":{"method":"written","givenAt":{},"witness":null},"legalBasis":null,"recordedBy":"Testberaterin"}""";

        var details = SealedJson.Deserialize<ReferralDetails>(Encoding.UTF8.GetBytes(earlier));

        Assert.Equal(new Consent("written", null, null), details.Consent);
    }

    [Fact]
    public void IdempotencyAnswer_RoundTrips()
    {
        var slot = new SlotDto(Guid.CreateVersion7(), "2026-12-01T09:00:00+01:00", "2026-12-01T09:45:00+01:00", "Europe/Berlin", "Testberaterin",
            "in-person", "Raum 2", ["de", "tr"], ["family"], 0, "open");
        var answer = new BookingCreatedDto("K7QM-3XPA", "erfundenes-token", "confirmed", slot);

        var back = SealedJson.Deserialize<BookingCreatedDto>(SealedJson.Serialize(answer));

        Assert.Equivalent(answer, back, strict: true);
    }

    [Fact]
    public void EverySealedRecordType_HasARoundTripTest()
    {
        var sealedTypes = typeof(SealedJson).Assembly.GetTypes()
            .Where(t => t.GetMethod("SealAsync", BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static) is not null);

        Assert.Empty(sealedTypes.Except(Covered));
    }

    private static void RoundTrip<T>(T value) where T : notnull => Assert.Equal(value, SealedJson.Deserialize<T>(SealedJson.Serialize(value)));
}
