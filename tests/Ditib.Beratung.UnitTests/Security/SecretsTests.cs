using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Security;

public sealed class SecretsTests
{
    private readonly Secrets secrets = new();

    [Fact]
    public void NewManageToken_HashIsSha256OfTheToken_AndMatches()
    {
        var (token, hash) = secrets.NewManageToken();

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), hash);
        Assert.True(secrets.TokenMatches(token, hash));
    }

    [Fact]
    public void NewManageToken_Is32RandomBytesInBase64Url()
    {
        var (first, _) = secrets.NewManageToken();
        var (second, _) = secrets.NewManageToken();

        Assert.Equal(32, Base64Url.DecodeFromChars(first).Length);
        Assert.Equal(43, first.Length);
        Assert.DoesNotContain(first, c => c is '+' or '/' or '=');
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void TokenMatches_WithAnotherToken_ReturnsFalse()
    {
        var (_, hash) = secrets.NewManageToken();
        var (other, _) = secrets.NewManageToken();

        Assert.False(secrets.TokenMatches(other, hash));
    }

    [Fact]
    public void TokenMatches_WithTokenChangedInOneCharacter_ReturnsFalse()
    {
        var (token, hash) = secrets.NewManageToken();
        var changed = (token[0] == 'A' ? "B" : "A") + token[1..];

        Assert.False(secrets.TokenMatches(changed, hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TokenMatches_WithNoToken_ReturnsFalse(string? token)
    {
        var (_, hash) = secrets.NewManageToken();

        Assert.False(secrets.TokenMatches(token, hash));
    }

    [Fact]
    public void TokenMatches_WithOverlongToken_ReturnsFalseEvenIfItsHashIsStored()
    {
        var overlong = new string('a', 201);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(overlong));

        Assert.False(secrets.TokenMatches(overlong, hash));
    }

    [Fact]
    public void NewBookingReference_IsWellFormedAndDiffersEachTime()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => secrets.NewBookingReference()).ToList();

        Assert.All(references, r => Assert.True(BookingReference.IsWellFormed(r), $"'{r}' is not well-formed."));
        Assert.Equal(references.Count, references.Distinct(StringComparer.Ordinal).Count());
        // 16,000 characters: every one of the 31 turns up (a miss has probability about e^-500).
        Assert.Equal(BookingReference.Alphabet.Length, references.SelectMany(r => r.Replace("-", "", StringComparison.Ordinal)).Distinct().Count());
    }

    [Fact]
    public void BookingReference_FromCharacters_FormatsTwoGroups()
    {
        Assert.Equal("K7QM-3XPA", BookingReference.FromCharacters("K7QM3XPA"));
    }

    [Theory]
    [InlineData("K7QM3XP")] // too short
    [InlineData("K7QM3XPAB")] // too long
    [InlineData("K7QM3XP0")] // zero
    [InlineData("K7QM3XPO")] // letter O
    [InlineData("K7QM3XP1")] // one
    [InlineData("K7QM3XPI")] // letter I
    [InlineData("K7QM3XPL")] // letter L
    [InlineData("k7qm3xpa")] // lower case
    public void BookingReference_FromCharacters_RejectsWrongLengthAndLookAlikes(string characters)
    {
        Assert.Throws<ArgumentException>(() => BookingReference.FromCharacters(characters));
    }
}
