using NegotiationEditor.Crdt.Tests.Encoding;

namespace NegotiationEditor.Crdt.Tests.Golden;

/// <summary>Merging, diffing and state vectors computed from bytes alone match yjs.</summary>
public sealed class MergeAndDiffTests
{
    private static byte[] G(string caseName, string label) => GoldenVectors.Artifact(caseName, label);

    [Test]
    public void Merging_an_insert_and_a_delete_keeps_the_content_and_the_delete_range()
    {
        var merged = Y.MergeUpdates([G("text-insert-abc", "update_event"), G("text-delete-middle", "update_event")]);
        Assert.That(Hex.Of(merged), Is.EqualTo(Hex.Of(G("text-delete-middle", "merged_event_updates"))));
    }

    [Test]
    public void Merging_consecutive_typing_updates_writes_one_section()
    {
        var merged = Y.MergeUpdates([G("text-typing-sequence", "update_event_1"), G("text-typing-sequence", "update_event_2"), G("text-typing-sequence", "update_event_3")]);
        Assert.That(Hex.Of(merged), Is.EqualTo(Hex.Of(G("text-typing-sequence", "merged_updates"))));
    }

    [Test]
    public void A_gap_between_merged_updates_becomes_a_skip()
    {
        var merged = Y.MergeUpdates([G("merge-skip-pending", "u1"), G("merge-skip-pending", "u3")]);
        Assert.That(Hex.Of(merged), Is.EqualTo(Hex.Of(G("merge-skip-pending", "merge_u1_u3"))));
    }

    [Test]
    public void Merging_in_any_order_gives_the_same_bytes()
    {
        var a = Y.MergeUpdates([G("merge-skip-pending", "u3"), G("merge-skip-pending", "u1"), G("merge-skip-pending", "u2")]);
        var b = Y.MergeUpdates([G("merge-skip-pending", "u2"), G("merge-skip-pending", "u3"), G("merge-skip-pending", "u1")]);
        Assert.That(Hex.Of(a), Is.EqualTo(Hex.Of(b)));
        var doc = new YDoc(9);
        Y.ApplyUpdate(doc, a);
        Assert.That(doc.GetText("t").ToString(), Is.EqualTo("abc"));
    }

    [Test]
    public void A_diff_against_a_state_vector_slices_the_first_struct()
    {
        var diff = Y.DiffUpdate(G("state-vector-and-diff", "state_as_update"), G("state-vector-and-diff", "remote_state_vector"));
        Assert.That(Hex.Of(diff), Is.EqualTo(Hex.Of(G("state-vector-and-diff", "diffUpdate_full_sv"))));
    }

    [Test]
    public void Encoding_the_state_for_a_remote_state_vector_matches_the_diff()
    {
        var doc = new YDoc(999);
        Y.ApplyUpdate(doc, G("state-vector-and-diff", "state_as_update"));
        var update = Y.EncodeStateAsUpdate(doc, G("state-vector-and-diff", "remote_state_vector"));
        Assert.That(Hex.Of(update), Is.EqualTo(Hex.Of(G("state-vector-and-diff", "encodeStateAsUpdate_with_sv"))));
    }

    [Test]
    public void The_state_vector_of_an_update_is_read_without_a_document()
    {
        var vector = Y.EncodeStateVectorFromUpdate(G("state-vector-and-diff", "state_as_update"));
        Assert.That(Hex.Of(vector), Is.EqualTo(Hex.Of(G("state-vector-and-diff", "state_vector_from_update"))));
    }

    [Test]
    public void The_state_vector_of_an_update_stops_at_the_first_gap()
    {
        var vector = Y.EncodeStateVectorFromUpdate(G("merge-skip-pending", "merge_u1_u3"));
        Assert.That(Hex.Of(vector), Is.EqualTo("010101"));
        Assert.That(Hex.Of(Y.EncodeStateVectorFromUpdate(G("merge-skip-pending", "u3"))), Is.EqualTo("00"));
    }

    [Test]
    public void The_sync_handshake_reply_is_the_state_for_the_peer()
    {
        var server = new YDoc(10);
        server.GetText("t").Insert(0, "hello");
        var reply = Y.EncodeStateAsUpdate(server, [0]);
        // ws frame: 00 (sync) 01 (step 2) 0f (length) update
        Assert.That("00010f" + Hex.Of(reply), Is.EqualTo(Hex.Of(G("sync-handshake", "ws_server_to_client_syncStep2"))));
        var client = new YDoc(20);
        Y.ApplyUpdate(client, reply);
        Assert.That("000003" + Hex.Of(Y.EncodeStateVector(server)), Is.EqualTo(Hex.Of(G("sync-handshake", "ws_server_to_client_syncStep1"))));
        Assert.That("000102" + Hex.Of(Y.EncodeStateAsUpdate(client, Y.EncodeStateVector(server))), Is.EqualTo(Hex.Of(G("sync-handshake", "ws_client_to_server_syncStep2"))));
        string? update = null;
        client.Updated += (_, e) => update = Hex.Of(e.Update);
        client.GetText("t").Insert(5, " world");
        Assert.That("00020f" + update, Is.EqualTo(Hex.Of(G("sync-handshake", "ws_client_to_server_update"))));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(client)), Is.EqualTo(Hex.Of(G("sync-handshake", "client_state_as_update"))));
    }
}
