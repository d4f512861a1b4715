using Amazon.EC2.Model;
using Amazon.EC2.Model.Internal.MarshallTransformations;

namespace FlowLogWarehouse.Ec2.DryRun;

/// <summary>
/// The EC2 Query API parameters of a request, made by the SDK's own marshaller: exactly the form fields the client
/// would send (Action, Version, ResourceId.1, DestinationOptions.FileFormat, TagSpecification.1.Tag.1.Key, …).
/// </summary>
public static class QueryParameters
{
    /// <summary>Sorted by name, values as they are before URL encoding.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(CreateFlowLogsRequest request) =>
        CreateFlowLogsRequestMarshaller.Instance.Marshall(request).ParameterCollection.GetSortedParametersList();
}
