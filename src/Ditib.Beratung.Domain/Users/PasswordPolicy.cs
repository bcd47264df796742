namespace Ditib.Beratung.Domain.Users;

/// <summary>At least 12 characters, not the user name (nor containing it), not one of the well-known passwords.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    /// <summary>The reasons a password is refused, empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? username, Func<string, bool> isCommon)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            problems.Add("A password is required.");
            return problems;
        }

        if (password.Length < MinimumLength)
        {
            problems.Add($"A password has at least {MinimumLength} characters.");
        }

        if (password.Length > MaximumLength)
        {
            problems.Add($"A password has at most {MaximumLength} characters.");
        }

        if (ContainsUsername(password, username))
        {
            problems.Add("The password must not contain the user name.");
        }

        if (isCommon(password))
        {
            problems.Add("This password is on the list of commonly used passwords; choose another.");
        }

        return problems;
    }

    public static bool ContainsUsername(string password, string? username) =>
        !string.IsNullOrWhiteSpace(username) && password.Contains(username.Trim(), StringComparison.OrdinalIgnoreCase);
}
