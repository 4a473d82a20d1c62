namespace NegotiationEditor.Crdt.Tests.Types;

public sealed class TextObserverTests
{
    private static List<IReadOnlyList<DeltaOperation>> Observe(YText text)
    {
        var deltas = new List<IReadOnlyList<DeltaOperation>>();
        text.Observe((e, _) => deltas.Add(e.Delta));
        return deltas;
    }

    [Test]
    public void A_local_insert_is_observed_as_an_insert_delta()
    {
        var doc = new YDoc(1);
        var text = doc.GetText("t");
        var deltas = Observe(text);
        text.Insert(0, "abc");
        Assert.That(deltas, Has.Count.EqualTo(1));
        Assert.That(deltas[0], Is.EqualTo(new[] { DeltaOperation.Inserting("abc") }));
    }

    [Test]
    public void A_remote_delete_is_observed_as_retain_and_delete()
    {
        var a = new YDoc(1);
        var b = new YDoc(2);
        a.GetText("t").Insert(0, "abcdef");
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        var deltas = Observe(b.GetText("t"));
        bool? local = null;
        b.GetText("t").Observe((_, t) => local = t.Local);
        a.GetText("t").Delete(2, 3);
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b)));
        Assert.That(deltas.Single(), Is.EqualTo(new[] { DeltaOperation.Retaining(2), DeltaOperation.Deleting(3) }));
        Assert.That(local, Is.False);
    }

    [Test]
    public void Formatting_is_observed_as_a_retain_with_attributes()
    {
        var doc = new YDoc(1);
        var text = doc.GetText("t");
        text.Insert(0, "hello world");
        var deltas = Observe(text);
        text.Format(0, 5, new Dictionary<string, object?> { ["bold"] = true });
        var op = deltas.Single().Single();
        Assert.That(op.Retain, Is.EqualTo(5));
        Assert.That(op.Attributes!["bold"], Is.EqualTo(true));
    }

    [Test]
    public void An_insert_with_attributes_carries_them_in_the_delta()
    {
        var doc = new YDoc(1);
        var text = doc.GetText("t");
        text.Insert(0, "ab");
        var deltas = Observe(text);
        text.Insert(1, "X", new Dictionary<string, object?> { ["italic"] = true });
        Assert.That(deltas.Single()[0], Is.EqualTo(DeltaOperation.Retaining(1)));
        Assert.That(deltas.Single()[1].Insert, Is.EqualTo("X"));
        Assert.That(deltas.Single()[1].Attributes!["italic"], Is.EqualTo(true));
    }

    [Test]
    public void A_delta_applied_to_an_empty_text_reads_back_the_same()
    {
        var doc = new YDoc(1);
        var text = doc.GetText("t");
        text.ApplyDelta(
        [
            DeltaOperation.Inserting("The "),
            DeltaOperation.Inserting("Parties", new Dictionary<string, object?> { ["bold"] = true }),
            DeltaOperation.Inserting(" agree"),
        ]);
        var delta = text.ToDelta();
        Assert.That(text.ToString(), Is.EqualTo("The Parties agree"));
        Assert.That(delta, Has.Count.EqualTo(3));
        Assert.That(delta[1].Insert, Is.EqualTo("Parties"));
        Assert.That(delta[1].Attributes!["bold"], Is.EqualTo(true));
        Assert.That(delta[2].Attributes, Is.Null);

        text.ApplyDelta([DeltaOperation.Retaining(4), DeltaOperation.Deleting(7), DeltaOperation.Inserting("All")]);
        Assert.That(text.ToString(), Is.EqualTo("The All agree"));
    }

    [Test]
    public void Every_observer_sees_one_event_per_transaction()
    {
        var doc = new YDoc(1);
        var text = doc.GetText("t");
        var deltas = Observe(text);
        doc.Transact(_ =>
        {
            text.Insert(0, "ab");
            text.Insert(2, "cd");
            text.Delete(0, 1);
        });
        Assert.That(deltas.Single(), Is.EqualTo(new[] { DeltaOperation.Inserting("bcd") }));
    }

    [Test]
    public void Attributes_of_the_whole_text_travel_to_other_replicas_and_are_observed_as_keys()
    {
        var a = new YDoc(1);
        var b = new YDoc(2);
        var changed = new List<string>();
        b.GetText("t").Observe((e, _) => changed.AddRange(((YTextEvent)e).KeysChanged));
        a.GetText("t").SetAttribute("language", "en");
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        Assert.That(b.GetText("t").GetAttribute("language"), Is.EqualTo("en"));
        Assert.That(changed, Is.EqualTo(new[] { "language" }));
        a.GetText("t").RemoveAttribute("language");
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b)));
        Assert.That(b.GetText("t").GetAttributes(), Is.Empty);
    }
}
