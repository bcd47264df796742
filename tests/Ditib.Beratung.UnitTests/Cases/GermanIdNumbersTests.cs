using Ditib.Beratung.Domain.Cases;

namespace Ditib.Beratung.UnitTests.Cases;

/// <summary>Invented numbers; the valid ones have computed check digits, the invalid ones differ in one place.</summary>
public sealed class GermanIdNumbersTests
{
    [Theory]
    [InlineData("15070649C103", true)] // the published example
    [InlineData("12120385Y125", true)]
    [InlineData("65170839J003", true)]
    [InlineData("53270687A519", true)]
    [InlineData("12120385Y123", false)] // check digit off
    [InlineData("15070649C104", false)]
    [InlineData("15070649D103", false)] // other letter
    [InlineData("15001349C103", false)] // day 00
    [InlineData("15071349C103", false)] // month 13
    [InlineData("15070649c103", false)]
    [InlineData("1507064 C103", false)]
    [InlineData("15070649C10", false)]
    public void IsPensionInsuranceNumber_ChecksShapeDateAndCheckDigit(string value, bool expected)
    {
        Assert.Equal(expected, GermanIdNumbers.IsPensionInsuranceNumber(value));
    }

    [Theory]
    [InlineData("86095742719", true)]
    [InlineData("12345678911", true)] // 1 twice
    [InlineData("86095742718", false)] // check digit off
    [InlineData("12 345 678 911", false)] // spaces are the caller's to remove
    [InlineData("1122345678", false)] // ten digits
    [InlineData("112233456789", false)]
    [InlineData("1234567891a", false)]
    public void IsTaxId_ChecksDistributionAndCheckDigit(string value, bool expected)
    {
        Assert.Equal(expected, GermanIdNumbers.IsTaxId(value));
    }

    /// <summary>The check digit is computed, so only the distribution of the first ten digits decides.</summary>
    [Theory]
    [InlineData("1234567891", true)] // 1 twice, 0 missing
    [InlineData("1121345678", true)] // 1 three times, not all neighbours
    [InlineData("1234567890", false)] // no digit repeated
    [InlineData("1112345678", false)] // 1 three times in a row
    [InlineData("1122345678", false)] // two digits repeated
    [InlineData("1211131456", false)] // 1 five times
    [InlineData("0234567891", false)] // leading zero
    public void IsTaxId_ExactlyOneDigitRepeated(string tenDigits, bool expected)
    {
        Assert.Equal(expected, GermanIdNumbers.IsTaxId(tenDigits + TaxIdCheckDigit(tenDigits)));
    }

    [Theory]
    [InlineData("A123456780", true)]
    [InlineData("T220519973", true)]
    [InlineData("M876543211", true)]
    [InlineData("Z000000017", true)]
    [InlineData("A123456781", false)] // check digit off
    [InlineData("B123456780", false)] // other letter
    [InlineData("a123456780", false)]
    [InlineData("A12345678", false)]
    [InlineData("AB23456780", false)]
    public void IsHealthInsuranceNumber_ChecksShapeAndCheckDigit(string value, bool expected)
    {
        Assert.Equal(expected, GermanIdNumbers.IsHealthInsuranceNumber(value));
    }

    /// <summary>ISO 7064 MOD 11,10, written out independently of the code under test.</summary>
    private static char TaxIdCheckDigit(string tenDigits)
    {
        var product = 10;
        foreach (var c in tenDigits)
        {
            var sum = (c - '0' + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = sum * 2 % 11;
        }

        var check = 11 - product;
        return (char)('0' + (check == 10 ? 0 : check));
    }
}
