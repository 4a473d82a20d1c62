namespace NegotiationEditor.Client.Tests.Support;

/// <summary>
/// The typing plan the stock-client scripts follow too (tests/stock-clients/common.mjs): each peer inserts markers
/// <c>[peer:i]</c> at the start, the end or just before another marker, so that no marker is ever split and
/// "every marker arrived" means every edit arrived.
/// </summary>
public static class Markers
{
    public static string Of(string peer, int index) => $"[{peer}:{index}]";

    public static IEnumerable<string> All(string peer, int count) => Enumerable.Range(0, count).Select(i => Of(peer, i));

    public static int InsertionPoint(string text, Random random)
    {
        var points = new List<int> { 0, text.Length };
        for (var i = text.IndexOf('[', StringComparison.Ordinal); i >= 0; i = text.IndexOf('[', i + 1))
        {
            points.Add(i);
        }
        return points[random.Next(points.Count)];
    }
}
