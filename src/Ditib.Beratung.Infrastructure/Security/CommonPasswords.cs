using System.Reflection;
using Ditib.Beratung.Application.Users;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// Well-known passwords and their stems (embedded <c>common-passwords.txt</c>). A password is refused when it is on
/// the list, or is a listed stem followed only by digits and punctuation ("Passwort2026!", "qwertz123456").
/// Compared case-insensitively.
/// </summary>
internal sealed class CommonPasswords : ICommonPasswords
{
    private readonly HashSet<string> entries;

    public CommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ditib.Beratung.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        entries = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
    }

    public int Count => entries.Count;

    public bool Contains(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (entries.Contains(lower))
        {
            return true;
        }

        var stem = lower.TrimEnd("0123456789!?.#*+-_ ".ToCharArray());
        return stem.Length == 0 || entries.Contains(stem) || IsSequence(lower);
    }

    /// <summary>Runs like "123456789012", "abcdefghijkl" or one character repeated.</summary>
    private static bool IsSequence(string password) =>
        password.Distinct().Count() <= 2 ||
        password.Zip(password.Skip(1)).All(p => p.Second - p.First is 1 or -1 || (p.First == '9' && p.Second == '0'));
}
