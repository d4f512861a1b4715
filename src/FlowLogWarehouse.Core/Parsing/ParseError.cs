namespace FlowLogWarehouse.Core.Parsing;

public enum ParseErrorKind : byte
{
    None,
    FieldCount,
    NotAnInteger,
    OutOfRange,
    NotAllowed,
    InvalidUtf8,
    InvalidPartitionValue,
}

/// <summary>Why a line is bad, as positions into the line; text is built only when a line is quarantined.</summary>
public readonly record struct ParseError(ParseErrorKind Kind, int FieldIndex, int ValueStart, int ValueLength, int FieldsFound)
{
    public bool IsError => Kind != ParseErrorKind.None;
}
