namespace NegotiationEditor.Crdt.Tests.Core;

public sealed class SnapshotTests
{
    [Test]
    public void The_text_at_a_snapshot_is_the_text_as_it_was()
    {
        var doc = new YDoc(1, new YDocOptions { Gc = false });
        var text = doc.GetText("t");
        text.Insert(0, "Draft one");
        var first = Snapshot.Take(doc);
        text.Delete(0, 6);
        text.Insert(0, "Revised ");
        var second = Snapshot.Take(doc);
        text.Insert(text.Length, " (adopted)");

        Assert.That(text.ToString(first), Is.EqualTo("Draft one"));
        Assert.That(text.ToString(second), Is.EqualTo("Revised one"));
        Assert.That(text.ToString(), Is.EqualTo("Revised one (adopted)"));
    }

    [Test]
    public void A_decoded_snapshot_shows_the_same_text()
    {
        var doc = new YDoc(1, new YDocOptions { Gc = false });
        var text = doc.GetText("t");
        text.Insert(0, "abcdef");
        text.Delete(1, 2);
        var snapshot = Snapshot.Take(doc);
        text.Insert(1, "XYZ");
        text.Delete(3, 3);

        var decoded = Snapshot.Decode(snapshot.Encode());
        Assert.That(decoded.SameStateAs(snapshot), Is.True);
        Assert.That(text.ToString(decoded), Is.EqualTo("adef"));
    }

    [Test]
    public void A_snapshot_is_encoded_as_delete_set_then_state_vector()
    {
        var doc = new YDoc(1, new YDocOptions { Gc = false });
        doc.GetText("t").Insert(0, "abc");
        doc.GetText("t").Delete(1, 1);
        // delete set: 1 client (1), 1 range (1, 1); state vector: 1 entry (1 -> 3)
        Assert.That(Convert.ToHexString(Snapshot.Take(doc).Encode()).ToLowerInvariant(), Is.EqualTo("0101010101" + "010103"));
    }

    [Test]
    public void Formatting_at_a_snapshot_is_the_formatting_then()
    {
        var doc = new YDoc(1, new YDocOptions { Gc = false });
        var text = doc.GetText("t");
        text.Insert(0, "shall");
        var before = Snapshot.Take(doc);
        text.Format(0, 5, new Dictionary<string, object?> { ["bold"] = true });

        Assert.That(text.ToDelta(before).Single().Attributes, Is.Null);
        Assert.That(text.ToDelta().Single().Attributes!["bold"], Is.EqualTo(true));
    }

    [Test]
    public void A_snapshot_of_a_replica_reads_the_same_on_another_replica()
    {
        var a = new YDoc(1, new YDocOptions { Gc = false });
        var b = new YDoc(2, new YDocOptions { Gc = false });
        a.GetText("t").Insert(0, "hello");
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        var snapshot = Snapshot.Take(a);
        b.GetText("t").Insert(5, " world");
        a.GetText("t").Delete(0, 1);
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));

        Assert.That(b.GetText("t").ToString(), Is.EqualTo("ello world"));
        Assert.That(b.GetText("t").ToString(Snapshot.Decode(snapshot.Encode())), Is.EqualTo("hello"));
    }

    [Test]
    public void A_map_value_at_a_snapshot_is_the_value_then()
    {
        var doc = new YDoc(1, new YDocOptions { Gc = false });
        var map = doc.GetMap("m");
        map.Set("status", "draft");
        var snapshot = Snapshot.Take(doc);
        map.Set("status", "adopted");
        Assert.That(map.TryGetValue("status", snapshot, out var value), Is.True);
        Assert.That(value, Is.EqualTo("draft"));
        Assert.That(map.Get("status"), Is.EqualTo("adopted"));
    }

    [Test]
    public void Reading_at_a_snapshot_with_garbage_collection_on_is_refused()
    {
        var doc = new YDoc(1);
        doc.GetText("t").Insert(0, "abc");
        var snapshot = Snapshot.Take(doc);
        doc.GetText("t").Delete(0, 3);
        Assert.Throws<InvalidOperationException>(() => doc.GetText("t").ToString(snapshot));
    }
}
