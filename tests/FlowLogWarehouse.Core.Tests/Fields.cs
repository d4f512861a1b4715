using FlowLogWarehouse.Core.Catalog;

namespace FlowLogWarehouse.Core.Tests;

internal static class Fields
{
    public static FlowLogField Get(string name) =>
        FieldCatalog.TryGet(name, out var field) ? field : throw new ArgumentException($"'{name}' is not a catalog field.", nameof(name));
}
