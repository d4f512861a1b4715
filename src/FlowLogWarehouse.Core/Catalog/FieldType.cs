namespace FlowLogWarehouse.Core.Catalog;

/// <summary>Physical Parquet type of a column, as in AWS's own Parquet delivery.</summary>
public enum FieldType
{
    String,
    Int32,
    Int64,
}
