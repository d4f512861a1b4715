using System.Text.Json.Serialization;

namespace FlowLogWarehouse.Athena.Protocol;

/// <summary>
/// The wire shapes, source-generated: member names are the API's own PascalCase, absent members are left out of
/// requests, and unknown members of answers (Athena keeps adding them) are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(StartQueryExecutionRequest))]
[JsonSerializable(typeof(StartQueryExecutionResponse))]
[JsonSerializable(typeof(GetQueryExecutionRequest))]
[JsonSerializable(typeof(GetQueryExecutionResponse))]
[JsonSerializable(typeof(GetQueryResultsRequest))]
[JsonSerializable(typeof(GetQueryResultsResponse))]
[JsonSerializable(typeof(StopQueryExecutionRequest))]
[JsonSerializable(typeof(StopQueryExecutionResponse))]
internal sealed partial class AthenaJsonContext : JsonSerializerContext;
