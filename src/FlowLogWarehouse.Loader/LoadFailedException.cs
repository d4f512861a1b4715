namespace FlowLogWarehouse.Loader;

/// <summary>A load that cannot go on or cannot commit, for a reason a person can act on; nothing was committed.</summary>
public sealed class LoadFailedException(string message) : Exception(message);
