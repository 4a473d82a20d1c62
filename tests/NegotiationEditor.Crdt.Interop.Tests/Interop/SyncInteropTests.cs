using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// y-protocols sync between our documents and yjs documents built from the same random yjs
/// sessions: our answers to sync step 1 are the bytes y-protocols writes, and a handshake in
/// both directions leaves both sides with the same document.
/// </summary>
public sealed class SyncInteropTests
{
    private const int FirstSeed = 7000;
    private static readonly Lazy<JsonArray> Sessions = new(() => NodeYjs.Run("generate-sessions.mjs", null,
        "--seed", FirstSeed.ToString(), "--count", "6", "--steps", "80", "--features", "text,format,map,array")["sessions"]!.AsArray());

    private static IEnumerable<(int Seed, byte[][] Updates)> SessionUpdates() =>
        Sessions.Value.Select(s => ((int)s!["seed"]!, s["updates"]!.AsArray().Select(u => Hex.Decode((string)u!["hex"]!)).ToArray()));

    private static YDoc DocOf(IEnumerable<byte[]> updates)
    {
        var doc = new YDoc(1);
        foreach (var update in updates)
        {
            Y.ApplyUpdate(doc, update);
        }
        return doc;
    }

    private static JsonArray HexArray(IEnumerable<byte[]> updates) => new(updates.Select(u => (JsonNode)Hex.Encode(u)).ToArray());

    [Test]
    public void A_sync_step_1_is_answered_with_the_sync_step_2_y_protocols_writes()
    {
        var ops = new JsonArray();
        var ours = new List<(int Seed, string Reply)>();
        foreach (var (seed, updates) in SessionUpdates())
        {
            var server = updates.Take(updates.Length * 3 / 4).ToArray();
            var client = updates.Take(updates.Length / 3).ToArray();
            var message = SyncProtocol.SyncStep1(DocOf(client)).ToArray();
            ours.Add((seed, Hex.Encode(SyncProtocol.Answer(DocOf(server), message)!)));
            ops.Add(new JsonObject { ["op"] = "sync-answer", ["doc"] = new JsonObject { ["updates"] = HexArray(server) }, ["message"] = Hex.Encode(message) });
        }

        var answers = NodeYjs.Run("protocol.mjs", new JsonObject { ["ops"] = ops })["results"]!.AsArray();

        for (var i = 0; i < ours.Count; i++)
        {
            Assert.That(ours[i].Reply, Is.EqualTo((string)answers[i]!["reply"]!), $"seed {ours[i].Seed}");
        }
    }

    [Test]
    public void Sync_messages_written_here_are_the_bytes_y_protocols_writes()
    {
        var ops = new JsonArray();
        var ours = new List<(int Seed, string Step1, string Step2, string Update)>();
        foreach (var (seed, updates) in SessionUpdates())
        {
            var doc = DocOf(updates);
            var remote = Y.EncodeStateVector(DocOf(updates.Take(updates.Length / 2)));
            var last = updates[^1];
            ours.Add((seed, Hex.Encode(SyncProtocol.SyncStep1(doc).ToArray()), Hex.Encode(SyncProtocol.SyncStep2(doc, remote).ToArray()), Hex.Encode(SyncMessage.Update(last).ToArray())));
            ops.Add(new JsonObject { ["op"] = "sync-write", ["doc"] = new JsonObject { ["updates"] = HexArray(updates) }, ["stateVector"] = Hex.Encode(remote), ["update"] = Hex.Encode(last) });
        }

        var answers = NodeYjs.Run("protocol.mjs", new JsonObject { ["ops"] = ops })["results"]!.AsArray();

        for (var i = 0; i < ours.Count; i++)
        {
            var theirs = answers[i]!;
            Assert.Multiple(() =>
            {
                Assert.That(ours[i].Step1, Is.EqualTo((string)theirs["step1"]!), $"seed {ours[i].Seed}: sync step 1");
                Assert.That(ours[i].Step2, Is.EqualTo((string)theirs["step2"]!), $"seed {ours[i].Seed}: sync step 2");
                Assert.That(ours[i].Update, Is.EqualTo((string)theirs["update"]!), $"seed {ours[i].Seed}: update");
            });
        }
    }

    [Test]
    public void A_handshake_in_both_directions_leaves_our_document_and_the_yjs_document_equal()
    {
        foreach (var (seed, updates) in SessionUpdates())
        {
            // Our side has the even updates, yjs the odd ones (each as one peer's history would be
            // incomplete, so some structs stay pending until the other side's state arrives).
            var ours = DocOf(updates.Where((_, i) => i % 2 == 0));
            var theirs = updates.Where((_, i) => i % 2 == 1).ToArray();
            var ourStep1 = SyncProtocol.SyncStep1(ours).ToArray();
            var theirStep1 = NodeYjs.Run("protocol.mjs", new JsonObject
            {
                ["ops"] = new JsonArray(new JsonObject { ["op"] = "sync-write", ["doc"] = new JsonObject { ["updates"] = HexArray(theirs) } }),
            })["results"]![0]!["step1"]!;
            var ourStep2 = SyncProtocol.Answer(ours, Hex.Decode((string)theirStep1!))!;

            var answer = NodeYjs.Run("protocol.mjs", new JsonObject
            {
                ["ops"] = new JsonArray(
                    new JsonObject { ["op"] = "sync-answer", ["doc"] = new JsonObject { ["updates"] = HexArray(theirs) }, ["message"] = Hex.Encode(ourStep1) },
                    new JsonObject { ["op"] = "sync-answer", ["doc"] = new JsonObject { ["updates"] = HexArray(theirs) }, ["message"] = Hex.Encode(ourStep2), ["roots"] = new JsonObject { ["texts"] = new JsonArray("t") } }),
            })["results"]!.AsArray();
            var theirStep2 = Hex.Decode((string)answer[0]!["reply"]!);
            Assert.That(SyncProtocol.Answer(ours, theirStep2, "remote"), Is.Null, $"seed {seed}: a sync step 2 needs no reply");

            var yjsAfter = answer[1]!["doc"]!;
            Assert.Multiple(() =>
            {
                Assert.That(ours.GetText("t").ToString(), Is.EqualTo((string)yjsAfter["texts"]!["t"]!["string"]!), $"seed {seed}: text");
                Assert.That(Hex.Encode(Y.EncodeStateVector(ours)), Is.EqualTo((string)yjsAfter["stateVector"]!), $"seed {seed}: state vector");
            });
        }
    }
}
