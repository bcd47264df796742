using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Users;

namespace Ditib.Beratung.Tests.Shared;

/// <summary>
/// A page of the staff workspace and the roles that may open it. <see cref="Route"/> is the page's route as the app
/// declares it (without constraints); <c>{code}</c> and <c>{id}</c> are filled with a real case and referral of the
/// signed-in counsellor.
/// </summary>
public sealed record StaffPage(string Route, params string[] Roles)
{
    /// <summary>What an allowed role gets: 200, or 204 for the keep-alive.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Mein Tag: a role not listed is sent to its own home page instead of getting 403.</summary>
    public bool OthersGoHome { get; init; }

    /// <summary>
    /// Which example fills <c>{id}</c> (a referral unless said otherwise: "user", "counsellor", "partner"); the other
    /// parameters are filled by their own name.
    /// </summary>
    public string IdIs { get; init; } = "referral";

    /// <summary>The page wants a second factor entered in the last minutes: an allowed role may be sent to confirm it first.</summary>
    public bool WantsFreshSecondFactor { get; init; }

    /// <summary>The route with its parameters filled in from <paramref name="examples"/>.</summary>
    public string Path(IReadOnlyDictionary<string, string> examples) =>
        Regex.Replace(Route, @"\{(?<name>\w+)\}", m => examples[m.Groups["name"].Value == "id" ? IdIs : m.Groups["name"].Value]);

    /// <summary>The example values the route needs.</summary>
    public IEnumerable<string> Needs() =>
        Regex.Matches(Route, @"\{(?<name>\w+)\}").Select(m => m.Groups["name"].Value == "id" ? IdIs : m.Groups["name"].Value);
}

/// <summary>
/// Every page under <c>/staff</c> and who may open it, one row each: the role × page test (IntegrationTests,
/// <c>StaffPagesByRoleTests</c>) asks each page as each role and as nobody, the browser test
/// (<c>StaffPagesAxeTests</c>) runs axe on each page each role may open. A test fails when a page of the app is
/// missing here. This file is linked into both test projects.
/// </summary>
public static class StaffPageTable
{
    public const string Anonymous = "anonymous";

    /// <summary>One account per role is signed in; a person with several roles may open what each of them may.</summary>
    public static readonly IReadOnlyList<string> SignedInRoles = [Roles.Counsellor, Roles.Staff, Roles.Dpo, Roles.Admin];

    private const string Counsellor = Roles.Counsellor;

    private static readonly string[] Everyone = [.. SignedInRoles];

    public static readonly IReadOnlyList<StaffPage> Pages =
    [
        new("/staff", Counsellor) { OthersGoHome = true },
        new("/staff/cases", Counsellor),
        new("/staff/cases/{code}", Counsellor),
        new("/staff/cases/{code}/client", Counsellor),
        new("/staff/cases/{code}/referrals/new", Counsellor),
        new("/staff/cases/{code}/referrals/{id}", Counsellor),
        new("/staff/cases/{code}/referrals/{id}/letter", Counsellor),
        new("/staff/hours", Counsellor),
        new("/staff/hours/absence", Counsellor),
        new("/staff/absence", Roles.Staff),
        new("/staff/today", Roles.Staff),
        new("/staff/today/print", Roles.Staff),
        new("/staff/today/book/{slotId}", Roles.Staff),
        new("/staff/open", Roles.Staff),
        new("/staff/bookings", Roles.Staff),
        new("/staff/bookings/{reference}", Roles.Staff),
        new("/staff/undelivered", Roles.Staff),
        new("/staff/follow-up", Roles.Staff),
        new("/staff/follow-up/{id}/letter", Roles.Staff),
        new("/staff/dpo", Roles.Dpo),
        new("/staff/dpo/audit", Roles.Dpo),
        new("/staff/dpo/requests", Roles.Dpo),
        new("/staff/dpo/requests/{code}/export", Roles.Dpo) { WantsFreshSecondFactor = true },
        new("/staff/dpo/retention", Roles.Dpo),
        new("/staff/dpo/statistics", Roles.Dpo, Roles.Admin),
        new("/staff/admin", Roles.Admin),
        new("/staff/admin/users", Roles.Admin),
        new("/staff/admin/users/new", Roles.Admin) { WantsFreshSecondFactor = true },
        new("/staff/admin/users/{id}", Roles.Admin) { IdIs = "user" },
        new("/staff/admin/counsellors", Roles.Admin),
        new("/staff/admin/counsellors/new", Roles.Admin),
        new("/staff/admin/counsellors/{id}", Roles.Admin) { IdIs = "counsellor" },
        new("/staff/admin/partners", Roles.Admin),
        new("/staff/admin/partners/{id}", Roles.Admin) { IdIs = "partner" },
        new("/staff/admin/centre", Roles.Admin),
        new("/staff/account", Everyone),
        new("/staff/confirm", Everyone),
        new("/staff/enrol", Everyone),
        new("/staff/role", Everyone),
        new("/staff/sign-out", Everyone),
        new("/staff/keep-alive", Everyone) { Status = 204 },
    ];

    /// <summary>
    /// The sign-in and its later steps, outside the table: open to anyone; the later steps send a browser without a
    /// pending sign-in back to the sign-in page.
    /// </summary>
    public static readonly IReadOnlyList<string> SignInSteps = ["/staff/sign-in", "/staff/sign-in/code", "/staff/password"];
}
