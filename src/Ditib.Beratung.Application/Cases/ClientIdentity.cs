using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Cases;

namespace Ditib.Beratung.Application.Cases;

/// <summary>
/// Who the client is, and the persons related to her whose names the counsellor recorded so that notes are scrubbed
/// of them too. Stored apart from the case and only ever sealed under the case's data key. Identities sealed before
/// related persons existed have no <c>relatedPersons</c> and read as an empty list.
/// </summary>
public sealed record ClientIdentity(
    string Name, string? Phone, string? Email, string? DateOfBirth, string? Address, IReadOnlyList<RelatedPerson>? RelatedPersons = null)
{
    public IReadOnlyList<RelatedPerson> RelatedPersons { get; init; } = RelatedPersons ?? [];

    public static string Context(Guid caseId) => $"case:{caseId}:client";

    public static ClientIdentity From(ClientInput input) => new(
        input.Name!.Trim(), input.Phone, input.Email, input.DateOfBirth, input.Address,
        input.RelatedPersons?.Select(p => new RelatedPerson(p.Relation!, p.Name!.Trim(), p.DateOfBirth)).ToList());

    /// <summary>What the note scrubber needs to know: every name, every birth date, the address.</summary>
    public ScrubKnowledge ScrubKnowledge() => new(
        [Name, .. RelatedPersons.Select(p => p.Name)],
        [.. new[] { DateOfBirth }.Concat(RelatedPersons.Select(p => p.DateOfBirth)).Where(Formats.IsBirthDate).Select(d => Formats.ParseDate(d!))],
        Address is { Length: > 0 } address ? [address] : []);

    public byte[] ToJson() => SealedJson.Serialize(this);

    public static ClientIdentity FromJson(ReadOnlySpan<byte> json) => SealedJson.Deserialize<ClientIdentity>(json);

    public Task<byte[]> SealAsync(IEnvelopeCipher cipher, Case @case, CancellationToken cancellationToken) =>
        cipher.EncryptAsync(@case.DataKeyId, ToJson(), Context(@case.Id), cancellationToken);

    public static async Task<ClientIdentity> OpenAsync(IEnvelopeCipher cipher, ICaseRepository cases, Case @case, CancellationToken cancellationToken)
    {
        var sealedIdentity = await cases.GetSealedIdentityAsync(@case.Id, cancellationToken);
        var plain = await cipher.DecryptAsync(@case.DataKeyId, sealedIdentity, Context(@case.Id), cancellationToken);
        return FromJson(plain);
    }
}

/// <summary>A person related to the client (<see cref="Relations"/>): spouse, child, parent, sibling or other.</summary>
public sealed record RelatedPerson(string Relation, string Name, string? DateOfBirth);
