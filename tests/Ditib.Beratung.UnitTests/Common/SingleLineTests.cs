using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Application.ReferenceData;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Referrals;
using FluentValidation;
using Moq;

namespace Ditib.Beratung.UnitTests.Common;

/// <summary>Single-line fields refuse every control character, line separators and text-direction overrides.</summary>
public sealed class SingleLineTests
{
    public static TheoryData<string> Breaking =>
        ["Kundin,\n\nIhr Konto wird gesperrt!", "a\rb", "a\tb", "a\u0085b", "a\u2028b", "a\u2029b", "a\u202Eb", "a\u2067b", "a\u0007b"];

    [Theory]
    [MemberData(nameof(Breaking))]
    public async Task SingleLineFields_RefuseControlCharacters_NamingTheField(string text)
    {
        var referenceData = new Mock<IReferenceData>();
        referenceData.Setup(r => r.TopicExistsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await AssertRefusedAsync(new CancelBookingValidator(), new CancelBooking(text), "Reason");
        await AssertRefusedAsync(new CancelSlotValidator(), new CancelSlot(Guid.CreateVersion7(), text), "Reason");
        await AssertRefusedAsync(new AddSlotValidator(), new AddSlot(Guid.CreateVersion7(), "2026-12-01T09:00", 45, "in-person", text, 1), "Location");
        await AssertRefusedAsync(new SetLegalHoldValidator(), new SetLegalHold("F-2026-0001", true, text), "Reason");
        await AssertRefusedAsync(new TakeReferralStepValidator(), new TakeReferralStep(Guid.CreateVersion7(), ReferralAction.Decline, text), "Text");
        var partner = new SavePartner(null, text, "association", [], text, null, null, text, text);
        await AssertRefusedAsync(new SavePartnerValidator(referenceData.Object), partner, "Name");
        await AssertRefusedAsync(new SavePartnerValidator(referenceData.Object), partner, "ContactPerson");
        await AssertRefusedAsync(new SavePartnerValidator(referenceData.Object), partner, "Street");
        await AssertRefusedAsync(new SavePartnerValidator(referenceData.Object), partner, "PostcodeAndCity");
        var referral = new CreateReferral(Guid.CreateVersion7(), text, ["contact"], null, "2026-12-10", new ConsentInput("verbal", "2026-11-30", text), null, text);
        await AssertRefusedAsync(new CreateReferralValidator(), referral, "Purpose");
        await AssertRefusedAsync(new CreateReferralValidator(), referral, "LanguageNeeds");
        await AssertRefusedAsync(new CreateReferralValidator(), referral, "Consent.Witness");
    }

    [Fact]
    public async Task MultiLineFields_KeepTheirLineBreaks()
    {
        var complete = await new TakeReferralStepValidator().ValidateAsync(new TakeReferralStep(Guid.CreateVersion7(), ReferralAction.Complete, "Erste Zeile\nzweite Zeile"));

        Assert.True(complete.IsValid);
    }

    [Theory]
    [InlineData("Kundin,\n\nIhr Konto wird gesperrt!", "Kundin, Ihr Konto wird gesperrt!")]
    [InlineData("A\u2028B\u202EC", "A B C")]
    [InlineData("Erfundene Person", "Erfundene Person")]
    public void OneLine_FoldsBreaksAndControlsIntoSingleSpaces(string text, string expected) => Assert.Equal(expected, ValidationRules.OneLine(text));

    private static async Task AssertRefusedAsync<T>(IValidator<T> validator, T instance, string field)
    {
        var result = await validator.ValidateAsync(instance);
        Assert.True(result.Errors.Any(e => string.Equals(e.PropertyName, field, StringComparison.OrdinalIgnoreCase)),
            $"{typeof(T).Name}.{field}: {string.Join("; ", result.Errors.Select(e => e.PropertyName))}");
    }
}
