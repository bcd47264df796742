using Ditib.Beratung.Infrastructure.Security;

namespace Ditib.Beratung.UnitTests.Users;

public sealed class CommonPasswordsTests
{
    private readonly CommonPasswords list = new();

    [Theory]
    [InlineData("password")]
    [InlineData("Passwort2026!")]
    [InlineData("QWERTZ123456")]
    [InlineData("galatasaray1905")]
    [InlineData("123456789012")]
    [InlineData("abcdefghijkl")]
    [InlineData("aaaaaaaaaaaa")]
    public void WellKnownPasswordsAndTheirVariants_AreCommon(string password) => Assert.True(list.Contains(password));

    [Theory]
    [InlineData("Teekanne-Wolke-Fahrrad-7")]
    [InlineData("korrekt Pferd Batterie Heftklammer")]
    public void UnusualPassphrases_AreNotCommon(string password) => Assert.False(list.Contains(password));

    [Fact]
    public void TheEmbeddedListIsLoaded() => Assert.True(list.Count > 100);
}
