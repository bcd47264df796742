using CsCheck;
using Ditib.Beratung.Domain.Statistics;

namespace Ditib.Beratung.UnitTests.Statistics;

/// <summary>Tables that count the same bookings must not give away each other's withheld totals.</summary>
public sealed class LinkedSuppressionTests
{
    private static readonly TableLink[] Links =
        [new(0, TableAxis.Columns, 1, TableAxis.Columns), new(0, TableAxis.Rows, 2, TableAxis.Rows)];

    [Fact]
    public void Publish_SmallTopicCell_LanguageCellsOfThatMonthNoLongerAddUpToTheMonth()
    {
        // December: 3 family + 6 education bookings, all in Turkish and all confirmed.
        var byTopic = new CountTable("topic", "", ["education", "family"], ["2026-12"], new long[,] { { 6 }, { 3 } });
        var byLanguage = new CountTable("language", "", ["tr"], ["2026-12"], new long[,] { { 9 } });
        var outcomes = new CountTable("outcome", "", ["education", "family"], ["confirmed", "attended"], new long[,] { { 6, 0 }, { 3, 0 } });

        var published = LinkedSuppression.Publish([byTopic, byLanguage, outcomes], Links);

        Assert.Equal("<5", published[0].Cell(1, 0));
        Assert.Equal("6", published[0].Cell(0, 0));
        Assert.Equal("–", published[1].Cell(0, 0));
        Assert.Equal(["–"], published[1].ColumnTotals);
        Assert.Equal(["6", "–"], published[0].RowTotals);
        Assert.Equal(["6", "–"], published[2].RowTotals);
        Assert.All(published, t => Assert.Equal("–", t.GrandTotal));
        Assert.DoesNotContain(published.SelectMany(t => t.Published()), p => p is "3" or "9");
    }

    [Fact]
    public void Publish_NothingSmall_SameAsEachTableAlone()
    {
        var byTopic = new CountTable("topic", "", ["education"], ["2026-12"], new long[,] { { 6 } });
        var byLanguage = new CountTable("language", "", ["de", "tr"], ["2026-12"], new long[,] { { 0 }, { 6 } });
        var outcomes = new CountTable("outcome", "", ["education"], ["confirmed"], new long[,] { { 6 } });

        var published = LinkedSuppression.Publish([byTopic, byLanguage, outcomes], Links);

        Assert.Equal(SuppressedTable.Publish(byLanguage).Published(), published[1].Published());
        Assert.All(published, t => Assert.Equal("6", t.GrandTotal));
    }

    /// <summary>Random bookings (topic, language, outcome, month) counted three ways, as the statistics do.</summary>
    private static readonly Gen<(int Topic, int Language, int Outcome, int Month)[]> Bookings =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 1]).Array[0, 40];

    [Fact]
    public void Property_EveryLinkedLineIsHiddenInAllItsTablesOrInNone_AndHiddenLinesShowNoTotal()
    {
        Bookings.Sample(bookings =>
        {
            var tables = CountThreeWays(bookings);
            var published = LinkedSuppression.Publish(tables, Links);
            for (var month = 0; month < 2; month++)
            {
                var inTopics = Enumerable.Range(0, 3).Any(r => Hidden(published[0].Cell(r, month)));
                var inLanguages = Enumerable.Range(0, 3).Any(r => Hidden(published[1].Cell(r, month)));
                Assert.Equal(inTopics, inLanguages);
                Assert.Equal(inTopics, published[0].ColumnTotals[month] == "–" && published[1].ColumnTotals[month] == "–");
            }

            for (var topic = 0; topic < 3; topic++)
            {
                var inMonths = Enumerable.Range(0, 2).Any(c => Hidden(published[0].Cell(topic, c)));
                var inOutcomes = Enumerable.Range(0, 2).Any(c => Hidden(published[2].Cell(topic, c)));
                Assert.Equal(inMonths, inOutcomes);
            }

            var anyHidden = published.Any(t => t.Published().Any(Hidden));
            Assert.All(published, t => Assert.Equal(anyHidden, t.GrandTotal == "–"));
        }, iter: 2_000, print: b => string.Join(' ', b.Select(x => $"{x.Topic}{x.Language}{x.Outcome}{x.Month}")));
    }

    private static bool Hidden(string shown) => shown is "<5" or "–";

    private static CountTable[] CountThreeWays((int Topic, int Language, int Outcome, int Month)[] bookings)
    {
        var (byTopic, byLanguage, outcomes) = (new long[3, 2], new long[3, 2], new long[3, 2]);
        foreach (var (topic, language, outcome, month) in bookings)
        {
            byTopic[topic, month]++;
            byLanguage[language, month]++;
            outcomes[topic, outcome]++;
        }

        return
        [
            new("topic", "", ["t0", "t1", "t2"], ["m0", "m1"], byTopic),
            new("language", "", ["l0", "l1", "l2"], ["m0", "m1"], byLanguage),
            new("outcome", "", ["t0", "t1", "t2"], ["o0", "o1"], outcomes),
        ];
    }
}
