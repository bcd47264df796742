using Ditib.Beratung.Application.ReferenceData;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class ReferenceDataStore(DbSession session) : IReferenceData
{
    public Task<IReadOnlyList<ReferenceItemDto>> TopicsAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT code, name_de, name_tr, name_ar, name_en FROM topic ORDER BY sort_order", cancellationToken);

    public Task<IReadOnlyList<ReferenceItemDto>> LanguagesAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT code, name_de, name_tr, name_ar, name_en FROM language ORDER BY sort_order", cancellationToken);

    public Task<bool> TopicExistsAsync(string code, CancellationToken cancellationToken) =>
        ExistsAsync("SELECT EXISTS (SELECT 1 FROM topic WHERE code = @code)", code, cancellationToken);

    public Task<bool> LanguageExistsAsync(string code, CancellationToken cancellationToken) =>
        ExistsAsync("SELECT EXISTS (SELECT 1 FROM language WHERE code = @code)", code, cancellationToken);

    private async Task<bool> ExistsAsync(string sql, string code, CancellationToken cancellationToken)
    {
        return await session.ExecuteScalarAsync<bool>(sql, new { code }, cancellationToken);
    }

    private async Task<IReadOnlyList<ReferenceItemDto>> ListAsync(string sql, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<Row>(sql, null, cancellationToken);
        return rows.Select(r => new ReferenceItemDto(r.Code, new Dictionary<string, string>
        {
            ["de"] = r.NameDe,
            ["tr"] = r.NameTr,
            ["ar"] = r.NameAr,
            ["en"] = r.NameEn,
        })).ToList();
    }

    private sealed class Row
    {
        public string Code { get; set; } = "";
        public string NameDe { get; set; } = "";
        public string NameTr { get; set; } = "";
        public string NameAr { get; set; } = "";
        public string NameEn { get; set; } = "";
    }
}
