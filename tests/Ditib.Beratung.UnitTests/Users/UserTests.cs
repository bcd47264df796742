using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Users;

public sealed class UserTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 8, 0);
    private static readonly Duration Lockout = Duration.FromMinutes(15);

    [Fact]
    public void FifthFailure_LocksFor15Minutes_AndTheCounterStartsAgain()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);

        var locks = Enumerable.Range(0, 5).Select(_ => user.RecordFailedSignIn(Now, 5, Lockout)).ToList();

        Assert.Equal([false, false, false, false, true], locks);
        Assert.True(user.IsLockedOut(Now + Duration.FromMinutes(14)));
        Assert.False(user.IsLockedOut(Now + Lockout));
        Assert.Equal(0, user.FailedSignIns);
    }

    [Fact]
    public void SuccessfulSignIn_ResetsTheCounter()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);
        user.RecordFailedSignIn(Now, 5, Lockout);

        user.RecordSuccessfulSignIn();

        Assert.Equal(0, user.FailedSignIns);
    }

    [Fact]
    public void PasswordChangeAndDeactivation_RenewTheSecurityStamp_RehashDoesNot()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);
        var first = user.SecurityStamp;

        user.Rehash("stronger-hash");
        var afterRehash = user.SecurityStamp;
        user.ChangePassword("new-hash");
        var afterChange = user.SecurityStamp;
        user.Deactivate();

        Assert.Equal(first, afterRehash);
        Assert.NotEqual(first, afterChange);
        Assert.NotEqual(afterChange, user.SecurityStamp);
    }

    [Fact]
    public void DeactivatingTwice_IsAConflict()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);
        user.Deactivate();

        Assert.Throws<ConflictException>(user.Deactivate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    public void UnknownOrNoRoles_AreRefused(string role)
    {
        string[] roles = role.Length == 0 ? [] : [role];

        Assert.Throws<DomainRuleException>(() => User.Create(Guid.NewGuid(), "test.user", "hash", roles));
    }

    [Theory]
    [InlineData("Lang-genug-und-frei-7", "test.user", 0)]
    [InlineData("kurz-1", "test.user", 1)]
    [InlineData("xxTEST.USERxx-lang", "test.user", 1)]
    [InlineData("gemeinsames-Wort-1", "test.user", 1)]
    public void PasswordPolicy_CountsEachProblem(string password, string username, int problems)
    {
        var common = new HashSet<string> { "gemeinsames-Wort-1" };

        Assert.Equal(problems, PasswordPolicy.Check(password, username, common.Contains).Count);
    }
}
