using Ditib.Beratung.Domain.Users;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Who may call which endpoint group. Every endpoint names one of these or <c>AllowAnonymous</c>; anything else
/// falls back to "signed in", and a test fails when an endpoint has neither.
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

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
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
        options.FallbackPolicy = options.GetPolicy(Centre);
    }
}
