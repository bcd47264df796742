using Ditib.Beratung.Application.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.Web.Letters;

/// <summary>Printed documents as Razor views behind the Application's ports. Program.cs calls <see cref="AddLetterViews"/>.</summary>
public static class LetterViews
{
    public static IServiceCollection AddLetterViews(this IServiceCollection services) =>
        services.AddScoped<IReferralLetterRenderer, RazorLetterRenderer>();
}
