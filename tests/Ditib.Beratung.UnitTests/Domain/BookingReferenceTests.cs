using CsCheck;
using Ditib.Beratung.Domain.Bookings;

namespace Ditib.Beratung.UnitTests.Domain;

public sealed class BookingReferenceTests
{
    [Fact]
    public void FromRandomBytes_AnyBytes_GivesWellFormedReference()
    {
        Gen.Byte.Array[BookingReference.ByteCount, 32].Sample(bytes =>
        {
            var reference = BookingReference.FromRandomBytes(bytes);

            Assert.True(BookingReference.IsWellFormed(reference), reference);
            Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", reference);
        }, iter: 1_000);
    }

    [Fact]
    public void FromRandomBytes_KnownBytes_MapsEachByteIntoTheAlphabet()
    {
        byte[] bytes = [0, 1, 2, 3, 30, 31, 62, 255];

        // 31 characters: byte 30 is the last ('9'), 31 and 62 wrap to 'A', 255 % 31 = 7 is 'H'.
        Assert.Equal("ABCD-9AAH", BookingReference.FromRandomBytes(bytes));
    }

    [Fact]
    public void FromRandomBytes_TooFewBytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => BookingReference.FromRandomBytes(new byte[BookingReference.ByteCount - 1]));
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
}
