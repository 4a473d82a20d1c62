using System.Text.Json.Nodes;

namespace NegotiationEditor.Crdt.Interop.Tests.Support;

/// <summary>
/// Compares a C# document with the description node printed for a yjs document (describeDoc in
/// tests/interop/lib/common.mjs): text of each text root, state vector and full state, as hex.
/// </summary>
internal static class YjsDocView
{
    /// <summary>Every difference, one line each; empty when the documents agree byte for byte.</summary>
    public static List<string> Differences(YDoc doc, JsonNode yjs)
    {
        var differences = new List<string>();
        foreach (var (name, text) in yjs["texts"]!.AsObject())
        {
            var ours = doc.GetText(name).ToString();
            var theirs = (string)text!["string"]!;
            if (ours != theirs)
            {
                differences.Add($"text '{name}': C# \"{Shorten(ours)}\" but yjs \"{Shorten(theirs)}\"");
            }
        }
        var stateVector = Hex.Encode(Y.EncodeStateVector(doc));
        if (stateVector != (string)yjs["stateVector"]!)
        {
            differences.Add($"state vector: C# {stateVector} but yjs {yjs["stateVector"]}");
        }
        var state = Hex.Encode(Y.EncodeStateAsUpdate(doc));
        var yjsState = (string)yjs["state"]!;
        if (state != yjsState)
        {
            differences.Add($"encoded state ({state.Length / 2} vs {yjsState.Length / 2} bytes) first differs at byte {FirstDifference(state, yjsState) / 2}:\n  C#  {Shorten(state, 400)}\n  yjs {Shorten(yjsState, 400)}");
        }
        return differences;
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }
        return n;
    }

    private static string Shorten(string s, int max = 120) => s.Length <= max ? s : s[..max] + "…";
}
