namespace FlowLogWarehouse.Aws;

/// <summary>AWS settings that cannot work (unknown profile, malformed endpoint or location): the user's to fix.</summary>
public sealed class AwsSettingsException(string message, Exception? inner = null) : Exception(message, inner);
