namespace FlowLogWarehouse.Ec2;

/// <summary>
/// EC2 answered with an error (permissions, throttling that outlasted the retries, a refused parameter), or could not be
/// reached. The message names the operation, EC2's error code and message, and the request id for AWS support.
/// </summary>
public sealed class Ec2Exception(string operation, string? errorCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Operation { get; } = operation;

    /// <summary>EC2's error code (UnauthorizedOperation, AuthFailure, …); null when no answer came.</summary>
    public string? ErrorCode { get; } = errorCode;
}
