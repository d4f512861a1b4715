using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Reports;

/// <summary>Which fields reports read: what a flow log must record for them, and which reports a field serves.</summary>
public sealed partial class ReportLibrary
{
    /// <summary>Every report of the library, for <c>--for-reports all</c>.</summary>
    public const string AllReports = "all";

    /// <summary>
    /// The fields the reports named by <paramref name="references"/> (<c>name</c>, <c>name@N</c> or <c>all</c> for the
    /// newest version of each) read, each once, in catalog order. An unknown name is refused as by <see cref="Resolve"/>.
    /// </summary>
    public IReadOnlyList<string> FieldsFor(IEnumerable<string> references)
    {
        var reports = references.SelectMany(r => r == AllReports ? Latest : [Resolve(r)]);
        // ReportHeader refused any required name the catalog lacks, so every name has an ordinal.
        return reports.SelectMany(r => r.Requires).Distinct(StringComparer.Ordinal)
            .OrderBy(name => FieldCatalog.TryGet(name, out var field) ? FieldCatalog.OrdinalOf(field) : int.MaxValue)
            .ToList();
    }

    /// <summary>Names of the reports whose newest version reads <paramref name="field"/>, in name order.</summary>
    public IReadOnlyList<string> ReportsUsing(string field) =>
        Latest.Where(r => r.Requires.Contains(field, StringComparer.Ordinal)).Select(r => r.Name).ToList();
}
