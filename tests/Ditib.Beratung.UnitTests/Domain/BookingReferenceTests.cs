using CsCheck;
using Ditib.Beratung.Domain.Bookings;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class BookingReferenceTests
{
    [Fact]
    public void FromCharacters_AnyAlphabetCharacters_GivesWellFormedReference()
    {
        Gen.Int[0, BookingReference.Alphabet.Length - 1].Array[BookingReference.CharacterCount].Sample(indexes =>
        {
            var reference = BookingReference.FromCharacters(indexes.Select(i => BookingReference.Alphabet[i]).ToArray());

            Assert.True(BookingReference.IsWellFormed(reference), reference);
            Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", reference);
        }, iter: 1_000);
    }

    [Fact]
    public void FromCharacters_WritesTwoGroupsOfFour()
    {
        Assert.Equal("ABCD-9XYZ", BookingReference.FromCharacters("ABCD9XYZ"));
    }

    [Theory]
    [InlineData("ABCD9XY")]
    [InlineData("ABCD9XYZA")]
    [InlineData("ABCD9XY0")]
    [InlineData("abcd9xyz")]
    public void FromCharacters_WrongCountOrCharacters_Throws(string characters)
    {
        Assert.Throws<ArgumentException>(() => BookingReference.FromCharacters(characters));
    }

    [Fact]
    public void Alphabet_HasNoLookAlikes()
    {
        Assert.Equal(31, BookingReference.Alphabet.Length);
        Assert.Equal(BookingReference.Alphabet.Length, BookingReference.Alphabet.Distinct().Count());
        Assert.DoesNotContain(BookingReference.Alphabet, c => "0O1IL".Contains(c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("K7QM-3XPA")]
    [InlineData("ABCD-9ZZZ")]
    public void IsWellFormed_ValidReference_IsTrue(string reference)
    {
        Assert.True(BookingReference.IsWellFormed(reference));
    }

    [Theory]
    [InlineData("k7qm-3xpa")]
    [InlineData("K7QM-3XPa")]
    [InlineData("K7QM-3XP0")]
    [InlineData("K7QM-3XPO")]
    [InlineData("K7QM-3XP1")]
    [InlineData("K7QM-3XPI")]
    [InlineData("K7QM-3XPL")]
    [InlineData("K7QM-3XP")]
    [InlineData("K7QM-3XPAB")]
    [InlineData("K7QM3XPA")]
    [InlineData("K7QM3XPAB")]
    [InlineData("K7Q-M3XPA")]
    [InlineData("K7QM_3XPA")]
    [InlineData("K7QM 3XPA")]
    [InlineData("K7QM--XPA")]
    [InlineData("")]
    [InlineData(null)]
    public void IsWellFormed_MalformedReference_IsFalse(string? reference)
    {
        Assert.False(BookingReference.IsWellFormed(reference));
    }

    [Theory]
    [InlineData("K7QM-3XPA")]
    [InlineData("k7qm-3xpa")]
    [InlineData(" k7qm 3xpa ")]
    [InlineData("K7QM3XPA")]
    [InlineData("k 7 q m 3 x p a")]
    public void TryNormalise_LooselyTypedReference_GivesTheCanonicalForm(string typed)
    {
        Assert.True(BookingReference.TryNormalise(typed, out var reference));
        Assert.Equal("K7QM-3XPA", reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7QM-3XP")]
    [InlineData("K7QM-3XPAA")]
    [InlineData("K7QM-3XP0")]
    [InlineData("K7QM_3XPA")]
    public void TryNormalise_NotAReference_IsFalseAndEmpty(string? typed)
    {
        Assert.False(BookingReference.TryNormalise(typed, out var reference));
        Assert.Equal("", reference);
    }
}
