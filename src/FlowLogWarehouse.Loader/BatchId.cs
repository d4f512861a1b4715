using System.Globalization;
using System.Security.Cryptography;

namespace FlowLogWarehouse.Loader;

/// <summary>Batch names sort by time and never collide: <c>20261127T001502Z-3f9a1c</c>.</summary>
internal static class BatchId
{
    public static string New() =>
        DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
}
