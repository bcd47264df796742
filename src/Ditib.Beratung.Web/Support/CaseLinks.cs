using System.Globalization;
using NodaTime;

namespace Ditib.Beratung.Web.Support;

/// <summary>Addresses of the counsellor's pages. Case codes and ids only: never a name or a text.</summary>
public static class CaseLinks
{
    public const string Day = "/staff";

    public const string Cases = "/staff/cases";

    public static string DayOf(LocalDate date) => $"{Day}?date={Display.Iso(date)}";

    public static string Case(string code) => $"{Cases}/{Uri.EscapeDataString(code)}";

    public static string Client(string code) => $"{Case(code)}/client";

    public static string NewReferral(string code) => $"{Case(code)}/referrals/new";

    public static string Referral(string code, Guid id) => $"{Case(code)}/referrals/{id.ToString("D", CultureInfo.InvariantCulture)}";

    public static string Letter(string code, Guid id) => $"{Referral(code, id)}/letter";
}
