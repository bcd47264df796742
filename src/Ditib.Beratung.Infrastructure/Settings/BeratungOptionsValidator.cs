using Ditib.Beratung.Application.Common;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>Checks the settings directly under <c>Beratung</c> at start-up.</summary>
public sealed class BeratungOptionsValidator : IValidateOptions<BeratungOptions>
{
    public ValidateOptionsResult Validate(string? name, BeratungOptions options)
    {
        var problems = new SettingProblems(BeratungOptions.Section);
        return problems
            .Require(DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone ?? "") is not null,
                $"{problems.Key("TimeZone")} '{options.TimeZone}' is not an IANA time zone id.")
            .Require(!string.IsNullOrWhiteSpace(options.PrivacyNoticeVersion),
                $"{problems.Key("PrivacyNoticeVersion")} must name the version of the privacy notice residents consent to, e.g. 2026-11.")
            .Require(string.IsNullOrWhiteSpace(options.PublicBaseUrl) || PublicBaseUrl(options.PublicBaseUrl) is not null,
                $"{problems.Key("PublicBaseUrl")} must be an absolute http or https address without query, e.g. https://termine.example.org.")
            .Result;
    }

    /// <summary>The address without a trailing slash, or null when it is not an absolute http(s) address without query or fragment.</summary>
    public static Uri? PublicBaseUrl(string text) =>
        Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
        && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? url
            : null;
}
