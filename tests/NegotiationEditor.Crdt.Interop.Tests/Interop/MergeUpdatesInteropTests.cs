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
    private const int Rounds = 5;

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
            for (var round = 0; round < Rounds; round++)
            {
                // A random subset in random order: gaps become Skips, pending parts stay pending. The last round
                // merges updates of several clients first, the way a stored log holds a compacted state beside later
                // updates, and has a quarter of them twice: cursors that hold many structs of several clients, and
                // cursors that tie.
                var subset = round == Rounds - 1
                    ? MergedChunks(updates, random)
                    : updates.Where(_ => round == 0 || random.Next(3) > 0).OrderBy(_ => random.Next()).ToList();
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
                failures.Add($"seed {seed}, case {i % Rounds}: merged update differs\n  C#  {merged}\n  yjs {yjs["merged"]}");
            }
            else if (diff != (string)yjs["diff"]!)
            {
                failures.Add($"seed {seed}, case {i % Rounds}: diff differs\n  C#  {diff}\n  yjs {yjs["diff"]}");
            }
            if (stateVector != (string)yjs["stateVector"]!)
            {
                failures.Add($"seed {seed}, case {i % Rounds}: state vector from update: C# {stateVector} but yjs {yjs["stateVector"]}");
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Take(3)));
    }

    private static List<byte[]> MergedChunks(List<byte[]> updates, Random random)
    {
        var shuffled = updates.OrderBy(_ => random.Next()).ToList();
        var chunks = new List<byte[]>();
        for (var from = 0; from < shuffled.Count;)
        {
            var size = Math.Min(random.Next(1, 9), shuffled.Count - from);
            chunks.Add(Y.MergeUpdates(shuffled.GetRange(from, size)));
            from += size;
        }
        return chunks.Concat(chunks.Where(_ => random.Next(4) == 0)).OrderBy(_ => random.Next()).ToList();
    }
}
