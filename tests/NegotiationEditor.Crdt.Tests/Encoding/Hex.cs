namespace NegotiationEditor.Crdt.Tests.Encoding;

internal static class Hex
{
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty));

    public static string Of(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
