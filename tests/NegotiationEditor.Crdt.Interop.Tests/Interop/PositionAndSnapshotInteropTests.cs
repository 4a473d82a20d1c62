using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Relative positions and snapshots against the real yjs (tests/interop/positions.mjs), on random
/// yjs text sessions with gc off: a position made here encodes to the bytes yjs makes for the same
/// index, each side resolves the other's positions to the same index after the rest of the
/// session's concurrent edits, and snapshots encode alike and show the same earlier text.
/// </summary>
public sealed class PositionAndSnapshotInteropTests
{
    private const int FirstSeed = 11000;
    private const int Sessions = 8;

    [Test]
    public void Positions_and_snapshots_made_here_and_in_yjs_are_the_same_bytes_and_resolve_alike()
    {
        var generated = NodeYjs.Run("generate-sessions.mjs", null,
            "--seed", FirstSeed.ToString(), "--count", Sessions.ToString(), "--steps", "120", "--features", "text,format,unicode", "--gc", "false");
        var cases = new JsonArray();
        var ours = new List<(int Seed, YDoc Doc, List<(int Index, int Assoc, RelativePosition Position)> Positions, Snapshot Snapshot, string TextBefore)>();
        foreach (var session in generated["sessions"]!.AsArray())
        {
            var seed = (int)session!["seed"]!;
            var updates = session["updates"]!.AsArray().Select(u => (string)u!["hex"]!).ToList();
            var split = updates.Count / 2;
            var doc = new YDoc(1, new YDocOptions { Gc = false });
            foreach (var hex in updates.Take(split))
            {
                Y.ApplyUpdate(doc, Hex.Decode(hex));
            }
            var text = doc.GetText("t");
            var random = new Random(seed);
            var positions = Enumerable.Range(0, 12)
                .Select(_ => (Index: random.Next(text.Length + 1), Assoc: random.Next(3) == 0 ? -1 : 0))
                .Append((Index: text.Length, Assoc: 0))
                .Append((Index: 0, Assoc: -1))
                .Select(p => (p.Index, p.Assoc, Position: RelativePosition.FromIndex(text, p.Index, p.Assoc)))
                .ToList();
            var snapshot = Snapshot.Take(doc);
            var textBefore = text.ToString();
            foreach (var hex in updates.Skip(split))
            {
                Y.ApplyUpdate(doc, Hex.Decode(hex));
            }
            ours.Add((seed, doc, positions, snapshot, textBefore));
            cases.Add(new JsonObject
            {
                ["base"] = new JsonArray(updates.Take(split).Select(h => (JsonNode)h).ToArray()),
                ["later"] = new JsonArray(updates.Skip(split).Select(h => (JsonNode)h).ToArray()),
                ["positions"] = new JsonArray(positions.Select(p => (JsonNode)new JsonArray(p.Index, p.Assoc)).ToArray()),
                ["foreign"] = new JsonArray(positions.Select(p => (JsonNode)Hex.Encode(p.Position.Encode())).ToArray()),
            });
        }

        var results = NodeYjs.Run("positions.mjs", new JsonObject { ["cases"] = cases })["results"]!.AsArray();

        var failures = new List<string>();
        for (var i = 0; i < ours.Count; i++)
        {
            var (seed, doc, positions, snapshot, textBefore) = ours[i];
            var yjs = results[i]!;
            var text = doc.GetText("t");
            Check(failures, seed, "text before", textBefore, (string?)yjs["textBefore"]);
            Check(failures, seed, "text after", text.ToString(), (string?)yjs["textAfter"]);
            Check(failures, seed, "snapshot bytes", Hex.Encode(snapshot.Encode()), (string?)yjs["snapshot"]);
            Check(failures, seed, "text at the snapshot", text.ToString(snapshot), (string?)yjs["textAtSnapshot"]);
            for (var p = 0; p < positions.Count; p++)
            {
                var (index, assoc, position) = positions[p];
                var yjsBytes = (string)yjs["positions"]![p]!;
                var what = $"position at {index} (assoc {assoc})";
                Check(failures, seed, $"{what}: encoding", Hex.Encode(position.Encode()), yjsBytes);
                var theirResolution = (int?)yjs["resolved"]![p];
                Check(failures, seed, $"{what}: our position resolved here vs theirs in yjs", position.ToIndex(doc)?.ToString(), theirResolution?.ToString());
                Check(failures, seed, $"{what}: yjs's position resolved here", RelativePosition.Decode(Hex.Decode(yjsBytes)).ToIndex(doc)?.ToString(), theirResolution?.ToString());
                Check(failures, seed, $"{what}: our position resolved in yjs", ((int?)yjs["foreignResolved"]![p])?.ToString(), theirResolution?.ToString());
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(10)));
    }

    private static void Check(List<string> failures, int seed, string what, string? ours, string? theirs)
    {
        if (ours != theirs)
        {
            failures.Add($"seed {seed}, {what}: C# {ours ?? "null"} but yjs {theirs ?? "null"}");
        }
    }
}
