using FlowLogWarehouse.Athena.Ddl;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Athena.Engine;

/// <summary>
/// Where queries run on Athena and where the table lives: database, catalog, workgroup, result location, table.
/// Reports query <c>flow_logs</c>: a table of another name gets a view of that name (see <see cref="AthenaSetup"/>).
/// </summary>
public sealed record AthenaSettings
{
    public const string ReportTable = "flow_logs";

    public string Database { get; init; } = "flowlogs";

    public string Catalog { get; init; } = "AwsDataCatalog";

    public string WorkGroup { get; init; } = "primary";

    /// <summary>s3:// folder for result files; null uses the workgroup's.</summary>
    public string? OutputLocation { get; init; }

    public string Table { get; init; } = ReportTable;

    /// <summary>The warehouse on S3 the table reads (its manifests tell how far the data reaches).</summary>
    public S3Path? Warehouse { get; init; }

    public void Validate()
    {
        AthenaDdl.Identifier(Database);
        AthenaDdl.Identifier(Table);
        if (string.IsNullOrWhiteSpace(WorkGroup) || string.IsNullOrWhiteSpace(Catalog))
            throw new AwsSettingsException("The Athena workgroup and catalog cannot be empty.");
        if (OutputLocation is not null && !S3Path.IsS3(OutputLocation))
            throw new AwsSettingsException($"The Athena output location '{OutputLocation}' is not an s3:// folder.");
    }
}
