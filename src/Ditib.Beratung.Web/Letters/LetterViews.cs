using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Web.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.Web.Letters;

/// <summary>Printed documents as Razor views behind the Application's ports. Program.cs calls <see cref="AddLetterViews"/>.</summary>
public static class LetterViews
{
    public static IServiceCollection AddLetterViews(this IServiceCollection services) =>
        services.AddScoped<DocumentViews>()
            .AddScoped<IReferralLetterRenderer, RazorLetterRenderer>()
            .AddScoped<IAccessExportDocument, AccessExportDocument>();
}
