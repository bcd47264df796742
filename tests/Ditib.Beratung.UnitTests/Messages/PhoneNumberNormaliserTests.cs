using CsCheck;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Infrastructure.Messages;

namespace Ditib.Beratung.UnitTests.Messages;

public sealed class PhoneNumberNormaliserTests
{
    [Theory]
    [InlineData("+49 170 5550100", "+491705550100")]
    [InlineData("0170 5550100", "+491705550100")]
    [InlineData("0203 5550100", "+492035550100")]
    [InlineData("0203/1234567", "+492031234567")]
    [InlineData("0176-12345678", "+4917612345678")]
    [InlineData("(0203) 123 45 67", "+492031234567")]
    [InlineData("+49 203 1234567", "+492031234567")]
    [InlineData("0049 203 1234567", "+492031234567")]
    [InlineData("+90 532 123 45 67", "+905321234567")]
    [InlineData("0090 532 123 45 67", "+905321234567")]
    [InlineData("+963 944 123 456", "+963944123456")]
    public void ToE164_GermanAndInternationalForms_GiveE164(string phone, string expected)
    {
        Assert.True(ValidationRules.IsPhone(phone), "the booking validation accepts the example");
        Assert.Equal(expected, PhoneNumberNormaliser.ToE164(phone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123")]
    [InlineData("+")]
    [InlineData("keine Nummer")]
    [InlineData("+49 1")]
    public void ToE164_WhatCannotBeDialled_GivesNull(string? phone) => Assert.Null(PhoneNumberNormaliser.ToE164(phone));

    [Fact]
    public void ToE164_AgreesWithTheBookingValidation_EveryAcceptedNumberGivesE164OrNull_NeverThrows()
    {
        Gen.Char["+0123456789 ()/-"].Array[1, 32].Select(chars => new string(chars))
            .Where(ValidationRules.IsPhone)
            .Sample(phone =>
            {
                var e164 = PhoneNumberNormaliser.ToE164(phone);
                return e164 is null || System.Text.RegularExpressions.Regex.IsMatch(e164, @"^\+[1-9][0-9]{5,14}$");
            }, iter: 5_000);
    }

    [Fact]
    public void ToE164_OfAnE164Number_IsTheSameNumber()
    {
        Gen.Int[100_000_000, 999_999_999].Select(n => $"+4917{n}")
            .Sample(phone => PhoneNumberNormaliser.ToE164(phone) is not { } e164 || e164 == phone, iter: 2_000);
    }
}
