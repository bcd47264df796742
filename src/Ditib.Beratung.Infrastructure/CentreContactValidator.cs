using Ditib.Beratung.Application.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure;

/// <summary>
/// Checks <c>Beratung:Centre</c> at start-up. Outside Development every field a resident relies on is required, and
/// each missing one is named with its key (and its environment variable); in any environment a value given must be
/// usable (an e-mail address with @, a phone of digits, an absolute http(s) website).
/// </summary>
public sealed class CentreContactValidator(IHostEnvironment environment) : IValidateOptions<CentreContact>
{
    public ValidateOptionsResult Validate(string? name, CentreContact options)
    {
        var failures = new List<string>();
        if (!environment.IsDevelopment())
        {
            Require(failures, "Name", options.Name);
            Require(failures, "StreetAddress", options.StreetAddress);
            Require(failures, "PostcodeAndCity", options.PostcodeAndCity);
            Require(failures, "Phone", options.Phone);
            Require(failures, "Email", options.Email);
            Require(failures, "OpeningHours:de", options.OpeningHours.GetValueOrDefault("de"));
            Require(failures, "DataProtectionOfficer:Name", options.DataProtectionOfficer.Name);
            if (string.IsNullOrWhiteSpace(options.DataProtectionOfficer.Email) && string.IsNullOrWhiteSpace(options.DataProtectionOfficer.PostalAddress))
            {
                failures.Add($"{CentreContact.Section}:DataProtectionOfficer:Email or ...:PostalAddress is required outside Development "
                    + "(Beratung__Centre__DataProtectionOfficer__Email): how residents reach the data-protection officer.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Email) && !IsEmail(options.Email))
        {
            failures.Add($"{CentreContact.Section}:Email must be an e-mail address, e.g. beratung@example.org.");
        }

        if (!string.IsNullOrWhiteSpace(options.DataProtectionOfficer.Email) && !IsEmail(options.DataProtectionOfficer.Email))
        {
            failures.Add($"{CentreContact.Section}:DataProtectionOfficer:Email must be an e-mail address, e.g. datenschutz@example.org.");
        }

        if (!string.IsNullOrWhiteSpace(options.Phone)
            && (options.Phone.Length > 30 || !options.Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '/' or '-' or '(' or ')')
                || options.Phone.Count(char.IsAsciiDigit) < 6))
        {
            failures.Add($"{CentreContact.Section}:Phone must be a phone number as residents dial it, e.g. 0203 5550100.");
        }

        if (!string.IsNullOrWhiteSpace(options.Website)
            && (!Uri.TryCreate(options.Website, UriKind.Absolute, out var website) || website.Scheme is not ("https" or "http")))
        {
            failures.Add($"{CentreContact.Section}:Website must be an absolute http(s) address, e.g. https://example.org.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{CentreContact.Section}:{key} is required outside Development (Beratung__Centre__{key.Replace(":", "__", StringComparison.Ordinal)}).");
        }
    }

    private static bool IsEmail(string text) =>
        text.Length <= 254 && text.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
}
