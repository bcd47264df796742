using Ditib.Beratung.Infrastructure.Persistence;

namespace Ditib.Beratung.UnitTests.Persistence;

public sealed class SqlDialectTests
{
    [Theory]
    [InlineData("SELECT 1 FROM booking WHERE slot_id IN @slotIds ORDER BY created_at", "SELECT 1 FROM booking WHERE slot_id = ANY(@slotIds) ORDER BY created_at")]
    [InlineData("DELETE FROM user_role WHERE user_id = @Id AND role NOT IN @Roles", "DELETE FROM user_role WHERE user_id = @Id AND role <> ALL(@Roles)")]
    [InlineData("WHERE action in @Actions AND (subject_type IN ('case', 'client'))", "WHERE action = ANY(@Actions) AND (subject_type IN ('case', 'client'))")]
    [InlineData("SELECT id FROM slot WHERE id IN (SELECT slot_id FROM booking)", "SELECT id FROM slot WHERE id IN (SELECT slot_id FROM booking)")]
    [InlineData("SELECT login FROM t WHERE x = @Id", "SELECT login FROM t WHERE x = @Id")]
    [InlineData("(SELECT group_concat(topic_code, ',') FROM case_topic t WHERE t.case_id IN @Ids)", "(SELECT string_agg(topic_code, ',') FROM case_topic t WHERE t.case_id = ANY(@Ids))")]
    public void PostgreSql_WritesListParametersAsArrayComparisonsAndGroupConcatAsStringAgg_AndLeavesTheRestAlone(string shared, string adapted) =>
        Assert.Equal(adapted, SqlDialect.PostgreSql.Adapt(shared));

    [Fact]
    public void Sqlite_KeepsTheTextForDapperToExpand() =>
        Assert.Equal("SELECT 1 WHERE id IN @ids", SqlDialect.Sqlite.Adapt("SELECT 1 WHERE id IN @ids"));
}
