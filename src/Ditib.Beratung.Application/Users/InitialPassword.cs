using System.Security.Cryptography;

namespace Ditib.Beratung.Application.Users;

/// <summary>
/// A password the admin hands over when she does not type one: four groups of five characters without look-alikes
/// (about 115 random bits), shown once; the user must change it at the first sign-in.
/// </summary>
public static class InitialPassword
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));
}
