using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Random multi-client sessions made by the real yjs (tests/interop/generate-sessions.mjs): peers
/// edit concurrently and exchange updates reordered, duplicated and (with "drop") lost and then
/// repaired. Every recorded update is replayed into a C# document, in the order the updates were
/// made and in a shuffled order; text, state vector and encoded state must equal those of a yjs
/// document that applied the same updates in the same order.
/// </summary>
public sealed class YjsSessionReplayTests
{
    private const int Sessions = 12;
    private const int Steps = 120;

    [TestCase("text,unicode", true, 1000, TestName = "Random_yjs_text_sessions_replay_to_the_same_text_state_vector_and_bytes")]
    [TestCase("text,format,embed", true, 2000, TestName = "Random_yjs_sessions_with_formatting_and_embeds_replay_to_the_same_bytes")]
    [TestCase("map,array,binary", true, 3000, TestName = "Random_yjs_map_and_array_sessions_replay_to_the_same_bytes")]
    [TestCase("text,map,nested", true, 4000, TestName = "Random_yjs_sessions_with_nested_types_replay_to_the_same_bytes")]
    [TestCase("text,format,embed,unicode,map,array,nested,binary,drop", true, 5000, TestName = "Random_yjs_sessions_with_lost_messages_replay_to_the_same_bytes")]
    [TestCase("text,format,map,array,nested", false, 6000, TestName = "Random_yjs_sessions_without_garbage_collection_replay_to_the_same_bytes")]
    public void Replay(string features, bool gc, int firstSeed)
    {
        var generated = NodeYjs.Run("generate-sessions.mjs", null,
            "--seed", firstSeed.ToString(), "--count", InteropScale.Times(Sessions).ToString(), "--steps", Steps.ToString(),
            "--features", features, "--gc", gc ? "true" : "false");

        var failures = new List<string>();
        foreach (var session in generated["sessions"]!.AsArray())
        {
            var seed = (int)session!["seed"]!;
            var updates = session["updates"]!.AsArray().Select(u => Hex.Decode((string)u!["hex"]!)).ToArray();
            foreach (var order in new[] { "causal", "shuffled" })
            {
                var doc = new YDoc(1, new YDocOptions { Gc = gc });
                var differences = new List<string>();
                try
                {
                    foreach (var index in session["order"]![order]!.AsArray())
                    {
                        Y.ApplyUpdate(doc, updates[(int)index!]);
                    }
                    differences.AddRange(YjsDocView.Differences(doc, session["results"]![order]!));
                }
                catch (Exception e)
                {
                    differences.Add($"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
                if (differences.Count > 0)
                {
                    failures.Add($"seed {seed}, {order} order ({updates.Length} updates; reproduce with: node generate-sessions.mjs --seed {seed} --count 1 --steps {Steps} --features {features} --gc {gc.ToString().ToLowerInvariant()}):\n  " + string.Join("\n  ", differences));
                }
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Take(3)));
    }
}
