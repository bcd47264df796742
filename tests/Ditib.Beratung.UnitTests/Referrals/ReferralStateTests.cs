using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Referrals;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Referrals;

public sealed class ReferralStateTests
{
    /// <summary>The whole table: every state and every action, with the one allowed next state or none.</summary>
    public static TheoryData<ReferralStatus, ReferralAction, ReferralStatus?> Table()
    {
        var allowed = new Dictionary<(ReferralStatus, ReferralAction), ReferralStatus>
        {
            [(ReferralStatus.Draft, ReferralAction.Send)] = ReferralStatus.Sent,
            [(ReferralStatus.Draft, ReferralAction.Withdraw)] = ReferralStatus.Withdrawn,
            [(ReferralStatus.Sent, ReferralAction.Accept)] = ReferralStatus.Accepted,
            [(ReferralStatus.Sent, ReferralAction.Decline)] = ReferralStatus.Declined,
            [(ReferralStatus.Sent, ReferralAction.Withdraw)] = ReferralStatus.Withdrawn,
            [(ReferralStatus.Accepted, ReferralAction.Complete)] = ReferralStatus.Completed,
        };
        var table = new TheoryData<ReferralStatus, ReferralAction, ReferralStatus?>();
        foreach (var status in Enum.GetValues<ReferralStatus>())
        {
            foreach (var action in Enum.GetValues<ReferralAction>())
            {
                table.Add(status, action, allowed.TryGetValue((status, action), out var next) ? next : null);
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EachStateAndAction_GivesTheOneNextState_OrAConflictThatChangesNothing(ReferralStatus status, ReferralAction action, ReferralStatus? expected)
    {
        var referral = new Referral(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), status, new LocalDate(2026, 12, 10));

        if (expected is { } next)
        {
            referral.Apply(action);
            Assert.Equal(next, referral.Status);
        }
        else
        {
            var conflict = Assert.Throws<ConflictException>(() => referral.Apply(action));
            Assert.Contains($"'{status.ToCode()}'", conflict.Message, StringComparison.Ordinal);
            Assert.Equal(status, referral.Status);
        }
    }

    [Fact]
    public void Table_CoversEveryStateAndAction() => Assert.Equal(30, Table().Count);

    [Theory]
    [InlineData(true, true, "consent")]
    [InlineData(false, false, "consent")]
    public void Grounds_NeedExactlyOneOfConsentAndLegalBasis(bool withConsent, bool withBasis, string field)
    {
        var consent = withConsent ? new Consent("written", Instant.FromUtc(2026, 11, 30, 9, 0), null) : null;
        var basis = withBasis ? new LegalBasis("acute-danger", "Erfundene Gefahrenlage") : null;

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => SharingRules.EnsureGrounds(consent, basis)).Field);
    }

    [Fact]
    public void VerbalConsent_NeedsAWitness_AndALegalBasisAReason()
    {
        Assert.Equal("consent.witness", Assert.Throws<DomainRuleException>(() =>
            SharingRules.EnsureGrounds(new Consent("verbal", Instant.FromUtc(2026, 11, 30, 9, 0), " "), null)).Field);
        Assert.Equal("legalBasis.reason", Assert.Throws<DomainRuleException>(() =>
            SharingRules.EnsureGrounds(null, new LegalBasis("acute-danger", ""))).Field);
        SharingRules.EnsureGrounds(new Consent("verbal", Instant.FromUtc(2026, 11, 30, 9, 0), "Kollegin Test"), null);
    }
}
