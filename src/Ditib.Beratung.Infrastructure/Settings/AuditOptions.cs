using Ditib.Beratung.Infrastructure.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>The audit trail (<c>Beratung:Audit</c>): the key that links its chain, kept apart from the database.</summary>
public sealed class AuditOptions
{
    public const string Section = "Beratung:Audit";

    /// <summary>Base64 of at least 32 bytes; a secret, never logged. None: generated in Development, refused elsewhere.</summary>
    public string? ChainKey { get; set; }

    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<AuditOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
            new SettingProblems(Section).Add(AuditChainKey.Problem(options.ChainKey, environment.IsDevelopment())).Result;
    }
}
