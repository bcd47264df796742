using Ditib.Beratung.Application.Partners;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class PartnerStore(DbSession session, IClock clock) : IPartnerRepository
{
    private const string SelectPartners = """
        SELECT p.id, p.name, p.kind, p.contact_person, p.email, p.phone, p.street, p.postcode_and_city, p.takes_referrals, p.retired,
               (SELECT group_concat(topic_code, ',') FROM partner_topic t WHERE t.partner_id = p.id) AS topics
        FROM partner p
        """;

    public async Task<IReadOnlyList<PartnerDto>> ListAsync(string? topic, bool includeRetired, CancellationToken cancellationToken)
    {
        const string where = """
             WHERE (@includeRetired = 1 OR p.retired = 0)
               AND (@topic IS NULL OR (p.takes_referrals = 1
                    AND EXISTS (SELECT 1 FROM partner_topic t WHERE t.partner_id = p.id AND t.topic_code = @topic)))
             ORDER BY p.name
            """;
        var rows = await session.QueryAsync<Row>(SelectPartners + where, new { topic, includeRetired }, cancellationToken);
        return rows.Select(r => r.ToDto()).ToList();
    }

    public async Task<PartnerDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(SelectPartners + " WHERE p.id = @id", new { id }, cancellationToken);
        return row?.ToDto();
    }

    public async Task SaveAsync(PartnerDto partner, CancellationToken cancellationToken)
    {
        const string upsert = """
            INSERT INTO partner (id, name, kind, contact_person, email, phone, street, postcode_and_city, takes_referrals, retired, created_at, updated_at)
            VALUES (@Id, @Name, @Kind, @ContactPerson, @Email, @Phone, @Street, @PostcodeAndCity, @TakesReferrals, @Retired, @now, @now)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, contact_person = excluded.contact_person,
                email = excluded.email, phone = excluded.phone, street = excluded.street,
                postcode_and_city = excluded.postcode_and_city, takes_referrals = excluded.takes_referrals,
                retired = excluded.retired, updated_at = excluded.updated_at;
            DELETE FROM partner_topic WHERE partner_id = @Id;
            """;
        await session.ExecuteAsync(upsert, new
        {
            partner.Id,
            partner.Name,
            partner.Kind,
            partner.ContactPerson,
            partner.Email,
            partner.Phone,
            partner.Street,
            partner.PostcodeAndCity,
            partner.TakesReferrals,
            partner.Retired,
            now = clock.GetCurrentInstant(),
        }, cancellationToken);
        await session.ExecuteAsync("INSERT INTO partner_topic (partner_id, topic_code) VALUES (@Id, @Topic)",
            partner.Topics.Select(topic => new { partner.Id, Topic = topic }), cancellationToken);
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? ContactPerson { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Street { get; set; }
        public string? PostcodeAndCity { get; set; }
        public bool TakesReferrals { get; set; }
        public bool Retired { get; set; }
        public string? Topics { get; set; }

        public PartnerDto ToDto() => new(Id, Name, Kind, CodeList.Split(Topics), ContactPerson, Email, Phone, Street, PostcodeAndCity, TakesReferrals, Retired);
    }
}
