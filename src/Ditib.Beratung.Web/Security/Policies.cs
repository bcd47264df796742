using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Ditib.Beratung.Web.Security;

/// <summary>
/// Who may call which endpoint group or open which staff page. Every endpoint names one of these or
/// <c>AllowAnonymous</c>; anything else falls back to "signed in", and a test fails when an endpoint has neither.
/// The API's policies carry no scheme, so they take the default one (bearer tokens only). Staff pages sit under
/// <see cref="StaffPages"/> (the staff cookie only) and name the same role policies on top, e.g.
/// <c>[Authorize(Policy = Policies.CaseWork)]</c>: the combined policy then asks the cookie for those roles.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in person of the centre.</summary>
    public const string Centre = "centre";

    public const string Admin = "admin";

    public const string Dpo = "dpo";

    /// <summary>Booking on behalf of callers and walk-ins.</summary>
    public const string Staff = "staff";

    /// <summary>Hours and slots: admin and staff for everyone, counsellors for their own profile (checked per record).</summary>
    public const string Schedule = "schedule";

    /// <summary>The day's agenda and attendance: staff for everyone, counsellors for their own.</summary>
    public const string Agenda = "agenda";

    /// <summary>Cases, notes and client identities: counsellors only, and only their own and shared cases (checked per record).</summary>
    public const string CaseWork = "case-work";

    /// <summary>Referral letters: staff, and the case's counsellors (checked per record).</summary>
    public const string ReferralDesk = "referral-desk";

    public const string Statistics = "statistics";

    /// <summary>Every page under <c>/staff</c>: signed in with the staff cookie (never a bearer token), any role.</summary>
    public const string StaffPages = "staff-pages";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Centre, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin));
        options.AddPolicy(Dpo, policy => policy.RequireRole(Roles.Dpo));
        options.AddPolicy(Staff, policy => policy.RequireRole(Roles.Staff));
        options.AddPolicy(Schedule, policy => policy.RequireRole(Roles.Admin, Roles.Staff, Roles.Counsellor));
        options.AddPolicy(ReferralDesk, policy => policy.RequireRole(Roles.Staff, Roles.Counsellor));
        options.AddPolicy(CaseWork, policy => policy.RequireRole(Roles.Counsellor));
        options.AddPolicy(Agenda, policy => policy.RequireRole(Roles.Staff, Roles.Counsellor));
        options.AddPolicy(Statistics, policy => policy.RequireRole(Roles.Admin, Roles.Dpo));
        options.AddPolicy(StaffPages, policy => policy
            .AddAuthenticationSchemes(StaffAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.All));
        options.FallbackPolicy = options.GetPolicy(Centre);
    }
}
