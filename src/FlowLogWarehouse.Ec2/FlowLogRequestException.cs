namespace FlowLogWarehouse.Ec2;

/// <summary>A flow log EC2 would refuse, or one that does not exist: the user's to fix before anything is sent.</summary>
public sealed class FlowLogRequestException(string message) : Exception(message);
