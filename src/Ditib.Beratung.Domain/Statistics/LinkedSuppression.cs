namespace Ditib.Beratung.Domain.Statistics;

public enum TableAxis
{
    Rows,
    Columns,
}

/// <summary>
/// Two tables count the same things along these axes: the line with a given label has the same sum in both (for
/// example bookings by topic × month and bookings by language × month share the month columns).
/// </summary>
public sealed record TableLink(int First, TableAxis FirstAxis, int Second, TableAxis SecondAxis);

/// <summary>
/// Suppression across tables that count the same population. On its own, <see cref="SuppressedTable"/> withholds
/// every total that covers a small cell, but a linked table could still give that total away: if December has a
/// small cell by topic and no small cell by language, the language cells of December add up to the December total.
/// So when a linked line has a hidden cell in one table and none in the other, the other table withholds one more
/// cell of that line ("–", a cell of 5 or more, preferring one whose crossing line is already hidden, then the
/// smallest), until every linked line is hidden in all its tables or in none; and all tables of the group withhold
/// their grand totals when one of them has to.
/// </summary>
public static class LinkedSuppression
{
    public static IReadOnlyList<SuppressedTable> Publish(IReadOnlyList<CountTable> tables, IReadOnlyList<TableLink> links)
    {
        var hidden = tables.Select(Primary).ToList();
        var withheld = tables.Select(t => new bool[t.Rows.Count, t.Columns.Count]).ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var link in links)
            {
                var (first, second) = (tables[link.First], tables[link.Second]);
                foreach (var label in Labels(first, link.FirstAxis).Intersect(Labels(second, link.SecondAxis), StringComparer.Ordinal))
                {
                    var a = Line(first, link.FirstAxis, label);
                    var b = Line(second, link.SecondAxis, label);
                    var aHidden = LineHidden(hidden[link.First], link.FirstAxis, a);
                    var bHidden = LineHidden(hidden[link.Second], link.SecondAxis, b);
                    if (aHidden && !bHidden)
                    {
                        changed |= Withhold(second, hidden[link.Second], withheld[link.Second], link.SecondAxis, b);
                    }
                    else if (bHidden && !aHidden)
                    {
                        changed |= Withhold(first, hidden[link.First], withheld[link.First], link.FirstAxis, a);
                    }
                }
            }
        }
        while (changed);

        var anyHidden = hidden.Any(h => h.Cast<bool>().Any(x => x));
        return tables.Select((t, i) => SuppressedTable.Publish(t, withheld[i], anyHidden)).ToList();
    }

    private static bool[,] Primary(CountTable table)
    {
        var hidden = new bool[table.Rows.Count, table.Columns.Count];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                hidden[r, c] = SuppressedTable.IsSmall(table[r, c]);
            }
        }

        return hidden;
    }

    private static IReadOnlyList<string> Labels(CountTable table, TableAxis axis) => axis == TableAxis.Rows ? table.Rows : table.Columns;

    private static int Line(CountTable table, TableAxis axis, string label) =>
        Labels(table, axis).ToList().FindIndex(l => string.Equals(l, label, StringComparison.Ordinal));

    private static IEnumerable<(int Row, int Column)> Cells(bool[,] hidden, TableAxis axis, int line) => axis == TableAxis.Rows
        ? Enumerable.Range(0, hidden.GetLength(1)).Select(c => (line, c))
        : Enumerable.Range(0, hidden.GetLength(0)).Select(r => (r, line));

    private static bool LineHidden(bool[,] hidden, TableAxis axis, int line) => Cells(hidden, axis, line).Any(x => hidden[x.Row, x.Column]);

    private static bool Withhold(CountTable table, bool[,] hidden, bool[,] withheld, TableAxis axis, int line)
    {
        var crossing = axis == TableAxis.Rows ? TableAxis.Columns : TableAxis.Rows;
        var candidates = Cells(hidden, axis, line)
            .Where(x => !hidden[x.Row, x.Column] && table[x.Row, x.Column] >= SuppressedTable.Threshold)
            .OrderByDescending(x => LineHidden(hidden, crossing, crossing == TableAxis.Rows ? x.Row : x.Column))
            .ThenBy(x => table[x.Row, x.Column])
            .ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var (row, column) = candidates[0];
        hidden[row, column] = true;
        withheld[row, column] = true;
        return true;
    }
}
