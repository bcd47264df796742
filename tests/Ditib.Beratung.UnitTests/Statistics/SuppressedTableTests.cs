using CsCheck;
using Ditib.Beratung.Domain.Statistics;

namespace Ditib.Beratung.UnitTests.Statistics;

public sealed class SuppressedTableTests
{
    private const int Iterations = 2_000;

    private static CountTable Table(long[,] counts) => new("test", "Test",
        Enumerable.Range(0, counts.GetLength(0)).Select(r => $"row{r}").ToList(),
        Enumerable.Range(0, counts.GetLength(1)).Select(c => $"col{c}").ToList(), counts);

    // family: 3 in December; education: 6 in December, 7 in January
    private static readonly long[,] Example = { { 3, 0 }, { 6, 7 }, { 8, 5 } };

    [Fact]
    public void Publish_CellOfThree_ShowsBelowFiveAndWithholdsItsRowColumnAndGrandTotals()
    {
        var table = SuppressedTable.Publish(Table(Example));

        Assert.Equal("<5", table.Cell(0, 0));
        Assert.Equal("0", table.Cell(0, 1));
        Assert.Equal(["6", "7"], table.RowCells(1));
        Assert.Equal(["–", "13", "13"], table.RowTotals);
        Assert.Equal(["–", "12"], table.ColumnTotals);
        Assert.Equal("–", table.GrandTotal);
    }

    [Fact]
    public void Publish_NothingSmall_ShowsEveryTotal()
    {
        var table = SuppressedTable.Publish(Table(new long[,] { { 5, 0 }, { 6, 9 } }));

        Assert.Equal(["5", "15"], table.RowTotals);
        Assert.Equal(["11", "9"], table.ColumnTotals);
        Assert.Equal("20", table.GrandTotal);
    }

    [Fact]
    public void Publish_HiddenCell_EveryValueFromOneToFourIsConsistentWithWhatIsPublished()
    {
        var published = SuppressedTable.Publish(Table(Example)).Published();

        // What someone holding the publication can try: every value the hidden cell might have had.
        var consistent = Enumerable.Range(0, 30).Where(candidate =>
        {
            var counts = (long[,])Example.Clone();
            counts[0, 0] = candidate;
            return SuppressedTable.Publish(Table(counts)).Published().SequenceEqual(published);
        }).ToList();

        Assert.Equal([1, 2, 3, 4], consistent);
    }

    [Fact]
    public void Publish_TotalOfOneToFour_IsWithheld()
    {
        var table = SuppressedTable.Publish(Table(new long[,] { { 2, 1 }, { 0, 0 } }));

        Assert.Equal(["–", "0"], table.RowTotals);
        Assert.Equal(["–", "–"], table.ColumnTotals);
        Assert.Equal("–", table.GrandTotal);
    }

    private static readonly Gen<long[,]> Matrices =
        from rows in Gen.Int[1, 4]
        from columns in Gen.Int[1, 4]
        from values in Gen.OneOf(Gen.Long[0, 0], Gen.Long[1, 4], Gen.Long[5, 30]).Array[rows * columns]
        select ToMatrix(rows, columns, values);

    [Fact]
    public void Property_EverySuppressedCell_CanBeReplacedByAnotherSmallValueWithoutChangingAnythingPublished()
    {
        Matrices.Sample(counts =>
        {
            var published = SuppressedTable.Publish(Table(counts)).Published();
            for (var r = 0; r < counts.GetLength(0); r++)
            {
                for (var c = 0; c < counts.GetLength(1); c++)
                {
                    if (!SuppressedTable.IsSmall(counts[r, c]))
                    {
                        continue;
                    }

                    var others = Enumerable.Range(1, 4).Where(v => v != counts[r, c]).ToList();
                    Assert.Equal(3, others.Count);
                    foreach (var other in others)
                    {
                        var changed = (long[,])counts.Clone();
                        changed[r, c] = other;
                        Assert.Equal(published, SuppressedTable.Publish(Table(changed)).Published());
                    }
                }
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Property_ShownNumbersAreTrue_AndSmallNumbersNeverShown()
    {
        Matrices.Sample(counts =>
        {
            var table = SuppressedTable.Publish(Table(counts));
            var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
            for (var r = 0; r < rows; r++)
            {
                var sum = Enumerable.Range(0, columns).Sum(c => counts[r, c]);
                Assert.True(table.RowTotals[r] == "–" || table.RowTotals[r] == sum.ToString(System.Globalization.CultureInfo.InvariantCulture));
                for (var c = 0; c < columns; c++)
                {
                    Assert.Equal(SuppressedTable.IsSmall(counts[r, c]) ? "<5" : counts[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture),
                        table.Cell(r, c));
                }
            }

            Assert.DoesNotContain(table.Published(), p => p is "1" or "2" or "3" or "4");
            var anySmall = counts.Cast<long>().Any(SuppressedTable.IsSmall);
            Assert.Equal(anySmall, table.GrandTotal == "–");
        }, iter: Iterations, print: Describe);
    }

    private static long[,] ToMatrix(int rows, int columns, long[] values)
    {
        var matrix = new long[rows, columns];
        for (var i = 0; i < values.Length; i++)
        {
            matrix[i / columns, i % columns] = values[i];
        }

        return matrix;
    }

    private static string Describe(long[,] counts) => string.Join(" / ",
        Enumerable.Range(0, counts.GetLength(0)).Select(r => string.Join(' ', Enumerable.Range(0, counts.GetLength(1)).Select(c => counts[r, c]))));
}
