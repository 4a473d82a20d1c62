namespace NegotiationEditor.Crdt.Tests.Types;

public sealed class MapAndArrayTests
{
    [Test]
    public void Map_changes_report_each_key_with_its_old_value()
    {
        var doc = new YDoc(1);
        var map = doc.GetMap("m");
        map.Set("status", "draft");
        map.Set("gone", 1);
        IReadOnlyDictionary<string, KeyChange>? keys = null;
        map.Observe((e, _) => keys = e.Keys);
        doc.Transact(_ =>
        {
            map.Set("status", "adopted");
            map.Delete("gone");
            map.Set("new", true);
        });
        Assert.That(keys!["status"], Is.EqualTo(new KeyChange(KeyChangeAction.Update, "draft")));
        Assert.That(keys["gone"], Is.EqualTo(new KeyChange(KeyChangeAction.Delete, 1L)));
        Assert.That(keys["new"], Is.EqualTo(new KeyChange(KeyChangeAction.Add, null)));
    }

    [Test]
    public void Array_changes_are_observed_as_a_delta()
    {
        var doc = new YDoc(1);
        var array = doc.GetArray("a");
        array.Push(1, 2, 3);
        IReadOnlyList<DeltaOperation>? delta = null;
        array.Observe((e, _) => delta = e.Delta);
        doc.Transact(_ =>
        {
            array.Delete(0);
            array.Insert(1, "x");
        });
        Assert.That(delta!.Count, Is.EqualTo(3));
        Assert.That(delta[0], Is.EqualTo(DeltaOperation.Deleting(1)));
        Assert.That(delta[1].Retain, Is.EqualTo(1));
        Assert.That(delta[2].Insert, Is.EqualTo(new List<object?> { "x" }));
    }

    [Test]
    public void Deep_observers_see_changes_of_nested_types_with_their_path()
    {
        var doc = new YDoc(1);
        var map = doc.GetMap("m");
        var list = YArray.CreateDetached();
        map.Set("positions", list);
        var paths = new List<string>();
        map.ObserveDeep((events, _) => paths.AddRange(events.Select(e => string.Join("/", e.Path))));
        list.Push("support");
        Assert.That(paths, Is.EqualTo(new[] { "positions" }));
        Assert.That(map.ToJson(), Is.EqualTo(new Dictionary<string, object?> { ["positions"] = new List<object?> { "support" } }));
    }

    [Test]
    public void Values_round_trip_through_another_replica()
    {
        var a = new YDoc(1);
        var map = a.GetMap("m");
        map.Set("int", 42);
        map.Set("float", 0.5);
        map.Set("text", "é");
        map.Set("bytes", new byte[] { 1, 2 });
        map.Set("list", new List<object?> { 1, null, true });
        var b = new YDoc(2);
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        var other = b.GetMap("m");
        Assert.That(other.Get("int"), Is.EqualTo(42L));
        Assert.That(other.Get("float"), Is.EqualTo(0.5));
        Assert.That(other.Get("text"), Is.EqualTo("é"));
        Assert.That(other.Get("bytes"), Is.EqualTo(new byte[] { 1, 2 }));
        Assert.That(other.Get("list"), Is.EqualTo(new List<object?> { 1L, null, true }));
        Assert.That(other.Count, Is.EqualTo(5));
    }

    [Test]
    public void Concurrent_inserts_order_client_ids_as_unsigned_numbers()
    {
        // 0x80000000 is negative as a signed 32-bit number; it must still sort after 1.
        var high = new YDoc(0x80000000);
        var low = new YDoc(1);
        high.GetText("t").Insert(0, "B");
        low.GetText("t").Insert(0, "A");
        Y.ApplyUpdate(high, Y.EncodeStateAsUpdate(low));
        Y.ApplyUpdate(low, Y.EncodeStateAsUpdate(high));
        Assert.That(high.GetText("t").ToString(), Is.EqualTo("AB"));
        Assert.That(low.GetText("t").ToString(), Is.EqualTo("AB"));
    }

    [Test]
    public void A_root_name_keeps_its_first_kind()
    {
        var doc = new YDoc(1);
        doc.GetMap("m");
        Assert.Throws<InvalidOperationException>(() => doc.GetText("m"));
    }

    [Test]
    public void A_root_received_before_its_kind_is_known_becomes_that_kind()
    {
        var a = new YDoc(1);
        a.GetArray("a").Push("x", "y");
        var b = new YDoc(2);
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        Assert.That(b.RootNames, Does.Contain("a"));
        Assert.That(b.GetArray("a").ToArray(), Is.EqualTo(new object?[] { "x", "y" }));
    }

    [Test]
    public void Bad_arguments_are_rejected_and_change_nothing()
    {
        var doc = new YDoc(1);
        var text = doc.GetText("t");
        text.Insert(0, "abc");
        var updates = 0;
        doc.Updated += (_, _) => updates++;
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Insert(4, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Delete(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.GetArray("a").Delete(0));
        Assert.Throws<ArgumentException>(() => doc.GetMap("m").Set("k", new object()));
        Assert.Throws<ArgumentException>(() => doc.GetArray("a").Push(new byte[] { 1 }, new object()));
        Assert.Throws<ArgumentException>(() => text.Insert(0, "x", new Dictionary<string, object?> { ["bold"] = new object() }));
        Assert.Throws<InvalidOperationException>(() => doc.GetArray("a").Push(doc.GetText("t")));
        Assert.That(doc.GetArray("a").Length, Is.Zero);
        Assert.That(text.ToString(), Is.EqualTo("abc"));
        Assert.That(updates, Is.Zero);
    }
}
