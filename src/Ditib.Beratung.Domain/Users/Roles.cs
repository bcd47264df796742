namespace Ditib.Beratung.Domain.Users;

/// <summary>The centre's roles. Residents have no account: their booking link is their key.</summary>
public static class Roles
{
    /// <summary>Users, counsellors, partners and reference data; no case contents.</summary>
    public const string Admin = "admin";

    /// <summary>Own hours, agenda, own and shared cases and notes.</summary>
    public const string Counsellor = "counsellor";

    /// <summary>Agenda, booking on behalf, referral follow-ups; no case notes.</summary>
    public const string Staff = "staff";

    /// <summary>The data-protection officer: audit, access and erasure requests, retention.</summary>
    public const string Dpo = "dpo";

    public static readonly IReadOnlyList<string> All = [Admin, Counsellor, Staff, Dpo];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
