namespace FlowLogWarehouse.Loader.Writing.Format;

// Values from parquet-format's parquet.thrift.

internal enum PhysicalType
{
    Int32 = 1,
    Int64 = 2,
    ByteArray = 6,
}

internal enum PageEncoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    DeltaBinaryPacked = 5,
}

internal enum ConvertedType
{
    Utf8 = 0,
    Int32 = 17,
    Int64 = 18,
}
