using Ditib.Beratung.Infrastructure.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Infrastructure.Settings;

/// <summary>
/// The master keys that wrap the data keys (<c>Beratung:Encryption</c>): every key still needed to open old data, and
/// the id of the one that wraps new data keys. Secrets: never logged, never echoed in a message.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = MasterKeyRing.SectionName;

    /// <summary>Which key wraps new data keys; may be left out when there is only one.</summary>
    public string? ActiveKeyId { get; set; }

    public List<MasterKeyOptions> MasterKeys { get; set; } = [];

    public sealed class MasterKeyOptions
    {
        public string? Id { get; set; }

        /// <summary>Base64 of exactly 32 random bytes.</summary>
        public string? Key { get; set; }
    }

    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<EncryptionOptions>
    {
        public ValidateOptionsResult Validate(string? name, EncryptionOptions options) =>
            new SettingProblems(Section).Add(MasterKeyRing.Problem(options, environment.IsDevelopment())).Result;
    }
}
