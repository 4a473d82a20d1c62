using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Protocol;

/// <summary>
/// Random mutations and truncations of every golden frame, sync message and awareness update:
/// reading either succeeds or throws <see cref="CrdtFormatException"/>, never anything else; a
/// rejected awareness update changes no state, and a rejected sync message leaves the document as
/// it was.
/// </summary>
public sealed class HostileProtocolInputTests
{
    private const int MutationsPerArtifact = 400;

    private static IEnumerable<GoldenArtifact> Artifacts() =>
        GoldenVectors.OfKind("wsMessage").Concat(GoldenVectors.OfKind("syncMessage")).Concat(GoldenVectors.OfKind("awarenessUpdate"));

    private static IEnumerable<byte[]> Mutations(byte[] original, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < MutationsPerArtifact; i++)
        {
            var bytes = (byte[])original.Clone();
            switch (random.Next(4))
            {
                case 0:
                    bytes = bytes[..random.Next(bytes.Length + 1)];
                    break;
                case 1:
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                default:
                    var at = random.Next(bytes.Length + 1);
                    bytes = [.. bytes[..at], .. new[] { (byte)random.Next(256), (byte)0xff, (byte)0xff, (byte)0xff, (byte)0x0f }[..random.Next(1, 6)], .. bytes[at..]];
                    break;
            }
            yield return bytes;
        }
    }

    [TestCaseSource(nameof(Artifacts))]
    public void Mutated_protocol_bytes_are_read_or_rejected_with_a_format_error_only(GoldenArtifact golden)
    {
        var seed = golden.Label.Length * 7919 + golden.Bytes.Length;
        foreach (var bytes in Mutations(golden.Bytes, seed))
        {
            try
            {
                Read(golden, bytes);
            }
            catch (CrdtFormatException)
            {
                // Rejected as malformed: the one outcome allowed besides reading it.
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}: {Hex.Encode(bytes)} threw {e.GetType().Name}: {e.Message}");
            }
        }
    }

    [Test]
    public void A_rejected_awareness_update_changes_no_state()
    {
        var golden = GoldenVectors.Get("awareness", "awareness_update_state").Bytes;
        foreach (var bytes in Mutations(golden, 17))
        {
            var awareness = new Awareness(99, new FakeTime());
            awareness.ApplyUpdate(AwarenessUpdate.Write([new AwarenessEntry(5, 3, """{"user":"chair"}""")]));
            try
            {
                awareness.ApplyUpdate(bytes);
            }
            catch (CrdtFormatException)
            {
                Assert.That(awareness.States.Select(s => (s.Key, s.Value)), Is.EqualTo(new[] { (99UL, "{}"), (5UL, """{"user":"chair"}""") }), Hex.Encode(bytes));
            }
        }
    }

    [Test]
    public void A_rejected_sync_message_leaves_the_document_as_it_was()
    {
        var golden = GoldenVectors.Get("sync-handshake", "ws_client_to_server_update").Bytes;
        foreach (var bytes in Mutations(golden, 23))
        {
            var doc = new YDoc(10);
            doc.GetText("t").Insert(0, "hello");
            var before = Y.EncodeStateAsUpdate(doc);
            try
            {
                WebsocketProtocol.Answer(doc, new Awareness(10, new FakeTime()), bytes);
            }
            catch (CrdtFormatException)
            {
                Assert.That(Y.EncodeStateAsUpdate(doc), Is.EqualTo(before), Hex.Encode(bytes));
            }
        }
    }

    private static void Read(GoldenArtifact golden, byte[] bytes)
    {
        switch (golden.Kind)
        {
            case "wsMessage":
                WebsocketMessage.Read(bytes);
                break;
            case "awarenessUpdate":
                AwarenessUpdate.Read(bytes);
                break;
            default:
                SyncMessage.Read(bytes);
                break;
        }
    }
}
