namespace Ditib.Beratung.Domain.Cases;

/// <summary>
/// Check-digit rules of the numbers that identify a person in Germany. Each takes the number without spaces. A number
/// whose check digit fails is not one of these (a typo, or another kind of number), so the scrubber leaves it.
/// </summary>
public static class GermanIdNumbers
{
    private static readonly int[] PensionWeights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

    /// <summary>
    /// Rentenversicherungsnummer (also the social-insurance number): area (2 digits), birth date <c>ddMMyy</c>, the
    /// initial of the birth name, serial (2 digits), check digit. The letter counts as its two-digit place in the
    /// alphabet; the twelve digits are weighted 2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1, the digit sums of the products
    /// added, and the check digit is that sum modulo 10. <c>15070649C103</c> is the published example.
    /// </summary>
    public static bool IsPensionInsuranceNumber(ReadOnlySpan<char> value)
    {
        if (value.Length != 12 || !IsDigits(value[..8]) || !char.IsAsciiLetterUpper(value[8]) || !IsDigits(value[9..]))
        {
            return false;
        }

        var day = Number(value[2..4]);
        var month = Number(value[4..6]);
        if (day is < 1 or > 31 || month is < 1 or > 12)
        {
            return false;
        }

        var letter = value[8] - 'A' + 1;
        Span<int> digits = [Digit(value[0]), Digit(value[1]), Digit(value[2]), Digit(value[3]), Digit(value[4]), Digit(value[5]),
            Digit(value[6]), Digit(value[7]), letter / 10, letter % 10, Digit(value[9]), Digit(value[10])];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += DigitSum(digits[i] * PensionWeights[i]);
        }

        return sum % 10 == Digit(value[11]);
    }

    /// <summary>
    /// Steuerliche Identifikationsnummer: 11 digits, the first not 0. Among the first ten, exactly one digit occurs
    /// twice or three times (three times never in three neighbouring places) and every other at most once. The
    /// eleventh is the check digit of ISO 7064 MOD 11,10 over the first ten.
    /// </summary>
    public static bool IsTaxId(ReadOnlySpan<char> value)
    {
        if (value.Length != 11 || !IsDigits(value) || value[0] == '0')
        {
            return false;
        }

        Span<int> counts = stackalloc int[10];
        foreach (var c in value[..10])
        {
            counts[Digit(c)]++;
        }

        var repeated = -1;
        for (var d = 0; d < 10; d++)
        {
            if (counts[d] > 3 || (counts[d] > 1 && repeated >= 0))
            {
                return false;
            }

            repeated = counts[d] > 1 ? d : repeated;
        }

        if (repeated < 0 || (counts[repeated] == 3 && value[..10].IndexOf([(char)('0' + repeated), (char)('0' + repeated), (char)('0' + repeated)]) >= 0))
        {
            return false;
        }

        var product = 10;
        foreach (var c in value[..10])
        {
            var sum = (Digit(c) + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }

        var check = 11 - product;
        return (check == 10 ? 0 : check) == Digit(value[10]);
    }

    /// <summary>
    /// Krankenversichertennummer (the unchangeable part on the health-insurance card): a capital letter, eight digits,
    /// a check digit. The letter counts as its two-digit place in the alphabet; the ten digits are weighted 1, 2, 1,
    /// 2, …, the digit sums of the products added, and the check digit is that sum modulo 10.
    /// </summary>
    public static bool IsHealthInsuranceNumber(ReadOnlySpan<char> value)
    {
        if (value.Length != 10 || !char.IsAsciiLetterUpper(value[0]) || !IsDigits(value[1..]))
        {
            return false;
        }

        var letter = value[0] - 'A' + 1;
        var sum = DigitSum(letter / 10) + DigitSum(letter % 10 * 2);
        for (var i = 1; i <= 8; i++)
        {
            sum += DigitSum(Digit(value[i]) * (i % 2 == 1 ? 1 : 2));
        }

        return sum % 10 == Digit(value[9]);
    }

    private static bool IsDigits(ReadOnlySpan<char> value) => !value.ContainsAnyExceptInRange('0', '9');

    private static int Digit(char c) => c - '0';

    private static int Number(ReadOnlySpan<char> two) => (Digit(two[0]) * 10) + Digit(two[1]);

    private static int DigitSum(int value) => (value / 10) + (value % 10);
}
