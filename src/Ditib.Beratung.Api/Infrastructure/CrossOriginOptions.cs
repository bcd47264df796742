using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>The origins allowed to call the API from a browser (<c>Beratung:Cors:AllowedOrigins</c>), each as scheme://host[:port].</summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Beratung:Cors";

    public string[] AllowedOrigins { get; set; } = [];

    public sealed class Validator : IValidateOptions<CrossOriginOptions>
    {
        public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
        {
            var problems = new SettingProblems(Section);
            foreach (var (origin, index) in options.AllowedOrigins.Select((origin, index) => (origin, index)))
            {
                problems.Require(IsOrigin(origin),
                    $"{problems.Key($"AllowedOrigins:{index}")} is '{origin}', which is not an origin like https://termine.example.org (scheme and host, no path; no wildcard).");
            }

            return problems.Result;
        }

        private static bool IsOrigin(string? text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.GetLeftPart(UriPartial.Authority).Equals(text!.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
