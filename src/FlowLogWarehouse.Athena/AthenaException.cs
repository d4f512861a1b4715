namespace FlowLogWarehouse.Athena;

/// <summary>
/// Athena refused or failed a request: <see cref="ErrorType"/> is AWS's error name (e.g. InvalidRequestException,
/// ThrottlingException), the message Athena's own. Never carries a credential.
/// </summary>
public sealed class AthenaException : Exception
{
    public AthenaException(string operation, string errorType, string errorMessage, int? statusCode = null, string? requestId = null, string? athenaErrorCode = null, Exception? inner = null)
        : base(Describe(operation, errorType, errorMessage, athenaErrorCode), inner)
    {
        Operation = operation;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        StatusCode = statusCode;
        RequestId = requestId;
        AthenaErrorCode = athenaErrorCode;
    }

    /// <summary>The API operation, e.g. StartQueryExecution.</summary>
    public string Operation { get; }

    /// <summary>The error's name without its namespace (what follows '#' in <c>__type</c>).</summary>
    public string ErrorType { get; }

    /// <summary>The service's message as sent.</summary>
    public string ErrorMessage { get; }

    /// <summary>The HTTP status, or null when no answer came (connection refused, timed out).</summary>
    public int? StatusCode { get; }

    /// <summary>Athena's x-amzn-RequestId, for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>InvalidRequestException's finer code, e.g. MALFORMED_QUERY.</summary>
    public string? AthenaErrorCode { get; }

    private static string Describe(string operation, string errorType, string errorMessage, string? athenaErrorCode) =>
        $"Athena {operation} failed: {errorType}{(athenaErrorCode is null ? "" : $" ({athenaErrorCode})")}: {errorMessage}";
}
