using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Users;

/// <summary>The account's second factor, its pending steps and the lockout per source, as domain rules.</summary>
public sealed class SecondFactorRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 8, 0);

    [Fact]
    public void TotpStep_IsAcceptedOnce_AndNeverOneOlderThanTheLast()
    {
        var user = Enrolled(step: 100);

        Assert.False(user.UseTotpStep(100));
        Assert.False(user.UseTotpStep(99));
        Assert.True(user.UseTotpStep(101));
        Assert.False(user.UseTotpStep(101));
        Assert.True(user.UseTotpStep(103));
        Assert.False(user.UseTotpStep(102));
    }

    [Fact]
    public void SecondFactor_CountsOnlyAfterItsFirstCode_AndEnablingEndsOtherSessions()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);
        user.StartSecondFactorSetup(Guid.NewGuid(), [1, 2, 3]);
        var stamp = user.SecurityStamp;

        Assert.False(user.HasSecondFactor);
        user.EnableSecondFactor(42);

        Assert.True(user.HasSecondFactor);
        Assert.Null(user.SecondFactor.PendingSecret);
        Assert.Equal(42, user.SecondFactor.LastStep);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Fact]
    public void EnablingWithoutASetUp_IsAConflict()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);

        Assert.Throws<ConflictException>(() => user.EnableSecondFactor(1));
    }

    [Fact]
    public void ANewSetUp_KeepsTheFactorInUse_UntilItsFirstCode()
    {
        var user = Enrolled(step: 7);
        var inUse = user.SecondFactor.Secret;

        user.StartSecondFactorSetup(user.SecondFactor.DataKeyId!.Value, [9, 9]);

        Assert.True(user.HasSecondFactor);
        Assert.Same(inUse, user.SecondFactor.Secret);
    }

    [Fact]
    public void PendingSteps_PasswordChangeFirst_ThenTheSecondFactor()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);
        user.RequirePasswordChange();

        Assert.Equal(PendingSteps.PasswordChange, PendingSteps.For(user, secondFactorRequired: true));
        user.ChangePassword("new-hash");
        Assert.Equal(PendingSteps.TwoFactorSetup, PendingSteps.For(user, secondFactorRequired: true));
        Assert.Null(PendingSteps.For(user, secondFactorRequired: false));
        user.StartSecondFactorSetup(Guid.NewGuid(), [1]);
        user.EnableSecondFactor(1);
        Assert.Null(PendingSteps.For(user, secondFactorRequired: true));
    }

    [Fact]
    public void PasswordSetByOther_MustBeChanged_AndEndsSessions()
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Counsellor]);
        var stamp = user.SecurityStamp;

        user.SetPasswordByOther("reset-hash");

        Assert.True(user.PasswordChangeRequired);
        Assert.NotEqual(stamp, user.SecurityStamp);
        user.ChangePassword("own-hash");
        Assert.False(user.PasswordChangeRequired);
    }

    [Fact]
    public void Source_LocksAfterItsFifthFailure_ForTheLockoutOnly()
    {
        var source = new SignInSource(Guid.NewGuid(), "203.0.113.5", 0, null);

        var locks = Enumerable.Range(0, 5).Select(_ => source.RecordFailure(Now, 5, Duration.FromMinutes(15))).ToList();

        Assert.Equal([false, false, false, false, true], locks);
        Assert.True(source.IsLockedOut(Now + Duration.FromMinutes(14)));
        Assert.False(source.IsLockedOut(Now + Duration.FromMinutes(15)));
    }

    private static User Enrolled(long step)
    {
        var user = User.Create(Guid.NewGuid(), "test.user", "hash", [Roles.Staff]);
        user.StartSecondFactorSetup(Guid.NewGuid(), [1, 2, 3]);
        user.EnableSecondFactor(step);
        return user;
    }
}
