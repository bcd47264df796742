namespace Ditib.Beratung.Domain.Users;

/// <summary>
/// What an account must do before it may do anything else: change a password someone else set, then set up its
/// second factor. A token or session issued in that state is good for that one step only.
/// </summary>
public static class PendingSteps
{
    public const string PasswordChange = "password-change";
    public const string TwoFactorSetup = "two-factor-setup";

    public static string? For(User user, bool secondFactorRequired) =>
        user.PasswordChangeRequired ? PasswordChange
        : secondFactorRequired && !user.HasSecondFactor ? TwoFactorSetup
        : null;
}
