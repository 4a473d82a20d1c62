using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Working on update bytes without a document (tests/interop/merge-updates.mjs): merging random
/// subsets of a yjs session's updates in random order, diffing the merge against a state vector and
/// reading the state vector from it give the bytes yjs gives.
/// </summary>
public sealed class MergeUpdatesInteropTests
{
    private const int FirstSeed = 12000;

    [TestCase("text,format,unicode", TestName = "Merging_diffing_and_state_vectors_of_text_updates_give_the_bytes_yjs_gives")]
    [TestCase("text,map,array,nested,drop", TestName = "Merging_diffing_and_state_vectors_of_mixed_updates_give_the_bytes_yjs_gives")]
    public void Merge_diff_and_state_vector_match_yjs(string features)
    {
        var generated = NodeYjs.Run("generate-sessions.mjs", null,
            "--seed", FirstSeed.ToString(), "--count", "6", "--steps", "100", "--features", features);
        var cases = new JsonArray();
        var ours = new List<(int Seed, string Merged, string Diff, string StateVector)>();
        foreach (var session in generated["sessions"]!.AsArray())
        {
            var seed = (int)session!["seed"]!;
            var updates = session["updates"]!.AsArray().Select(u => Hex.Decode((string)u!["hex"]!)).ToList();
            var random = new Random(seed);
            for (var round = 0; round < 4; round++)
            {
                // A random subset in random order: gaps become Skips, pending parts stay pending.
                var subset = updates.Where(_ => round == 0 || random.Next(3) > 0).OrderBy(_ => random.Next()).ToList();
                var known = new YDoc(1);
                foreach (var update in updates.Take(random.Next(updates.Count + 1)))
                {
                    Y.ApplyUpdate(known, update);
                }
                var stateVector = Y.EncodeStateVector(known);
                var merged = Y.MergeUpdates(subset);
                ours.Add((seed, Hex.Encode(merged), Hex.Encode(Y.DiffUpdate(merged, stateVector)), Hex.Encode(Y.EncodeStateVectorFromUpdate(merged))));
                cases.Add(new JsonObject
                {
                    ["updates"] = new JsonArray(subset.Select(u => (JsonNode)Hex.Encode(u)).ToArray()),
                    ["stateVector"] = Hex.Encode(stateVector),
                });
            }
        }

        var results = NodeYjs.Run("merge-updates.mjs", new JsonObject { ["cases"] = cases })["results"]!.AsArray();

        var failures = new List<string>();
        for (var i = 0; i < ours.Count; i++)
        {
            var (seed, merged, diff, stateVector) = ours[i];
            var yjs = results[i]!;
            if (merged != (string)yjs["merged"]!)
            {
                failures.Add($"seed {seed}, case {i % 4}: merged update differs\n  C#  {merged}\n  yjs {yjs["merged"]}");
            }
            else if (diff != (string)yjs["diff"]!)
            {
                failures.Add($"seed {seed}, case {i % 4}: diff differs\n  C#  {diff}\n  yjs {yjs["diff"]}");
            }
            if (stateVector != (string)yjs["stateVector"]!)
            {
                failures.Add($"seed {seed}, case {i % 4}: state vector from update: C# {stateVector} but yjs {yjs["stateVector"]}");
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Take(3)));
    }
}
