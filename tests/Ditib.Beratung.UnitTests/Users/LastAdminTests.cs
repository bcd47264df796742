using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;

namespace Ditib.Beratung.UnitTests.Users;

public sealed class LastAdminTests
{
    private static User Account(string name, bool active, params string[] roles)
    {
        var user = User.Create(Guid.NewGuid(), name, "hash", roles);
        if (!active)
        {
            user.Deactivate();
        }

        return user;
    }

    [Fact]
    public void Deactivate_TheOnlyActiveAdmin_IsRefused_EvenWithInactiveAdminsAndOtherRoles()
    {
        var last = Account("admin.a", true, Roles.Admin, Roles.Staff);
        var accounts = new[] { last, Account("admin.b", false, Roles.Admin), Account("desk", true, Roles.Staff) };

        var refused = Assert.Throws<DomainRuleException>(() => LastAdmin.EnsureOthersRemain(last, accounts));

        Assert.Equal("id", refused.Field);
    }

    [Fact]
    public void Deactivate_AnAdminWhileAnotherIsActive_IsAllowed()
    {
        var first = Account("admin.a", true, Roles.Admin);

        LastAdmin.EnsureOthersRemain(first, [first, Account("admin.b", true, Roles.Admin)]);
    }

    [Fact]
    public void Deactivate_ANonAdmin_IsAllowedWithoutAnyActiveAdmin()
    {
        var desk = Account("desk", true, Roles.Staff);

        LastAdmin.EnsureOthersRemain(desk, [desk, Account("admin.b", false, Roles.Admin)]);
    }

    [Fact]
    public void ResetSecondFactor_RemovesSecretAndPending_AndRenewsTheStamp()
    {
        var user = Account("counsellor.x", true, Roles.Counsellor);
        user.StartSecondFactorSetup(Guid.NewGuid(), [1, 2, 3]);
        user.EnableSecondFactor(100);
        user.StartSecondFactorSetup(user.SecondFactor.DataKeyId!.Value, [4, 5, 6]);
        var stamp = user.SecurityStamp;

        user.ResetSecondFactor();

        Assert.False(user.HasSecondFactor);
        Assert.Null(user.SecondFactor.PendingSecret);
        Assert.Null(user.SecondFactor.LastStep);
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Equal(PendingSteps.TwoFactorSetup, PendingSteps.For(user, secondFactorRequired: true));
    }

    [Fact]
    public void ChangeRoles_SortsAndDeduplicates_AndRenewsTheStamp_UnknownRolesAreRefused()
    {
        var user = Account("desk", true, Roles.Staff);
        var stamp = user.SecurityStamp;

        user.ChangeRoles([Roles.Staff, Roles.Counsellor, Roles.Staff]);

        Assert.Equal([Roles.Counsellor, Roles.Staff], user.Roles);
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Throws<DomainRuleException>(() => user.ChangeRoles(["king"]));
        Assert.Throws<DomainRuleException>(() => user.ChangeRoles([]));
    }
}
