using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-SHA512, salted, versioned; Identity's default
/// iteration count unless <see cref="PasswordHasherOptions"/> says otherwise).
/// </summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> hasher;
    private readonly Lazy<string> dummyHash;

    public IdentityPasswordHasher(IOptions<PasswordHasherOptions> options)
    {
        hasher = new PasswordHasher<User>(options);
        dummyHash = new(() => hasher.HashPassword(null!, "not-a-real-password-only-for-timing"));
    }

    public string Hash(string password) => hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) => hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };

    public void VerifyNothing(string password) => hasher.VerifyHashedPassword(null!, dummyHash.Value, password);
}
