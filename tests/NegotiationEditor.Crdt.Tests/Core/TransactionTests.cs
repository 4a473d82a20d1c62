namespace NegotiationEditor.Crdt.Tests.Core;

public sealed class TransactionTests
{
    [Test]
    public void An_observer_that_throws_does_not_break_the_document()
    {
        var doc = new YDoc(1);
        var text = doc.GetText("t");
        var updates = 0;
        doc.Updated += (_, _) => updates++;
        text.Observe((_, _) => throw new InvalidOperationException("observer failed"));
        Assert.Throws<InvalidOperationException>(() => text.Insert(0, "a"));
        Assert.Throws<InvalidOperationException>(() => text.Insert(1, "b"));
        Assert.That(text.ToString(), Is.EqualTo("ab"));
        Assert.That(updates, Is.EqualTo(2));
        Assert.That(Convert.ToHexString(Y.EncodeStateAsUpdate(doc)).ToLowerInvariant(), Is.EqualTo("0101010004010174026162" + "00"));
    }

    [Test]
    public void Nested_transactions_join_the_outer_one()
    {
        var doc = new YDoc(1);
        var updates = new List<object?>();
        doc.Updated += (_, e) => updates.Add(e.Origin);
        doc.Transact(_ =>
        {
            doc.GetText("t").Insert(0, "a");
            doc.Transact(_ => doc.GetMap("m").Set("k", 1), "inner");
        }, "outer");
        Assert.That(updates, Is.EqualTo(new object?[] { "outer" }));
    }

    [Test]
    public void A_remote_update_using_our_client_id_makes_the_document_choose_a_new_one()
    {
        var doc = new YDoc(1);
        var impostor = new YDoc(1);
        impostor.GetText("t").Insert(0, "x");
        Y.ApplyUpdate(doc, Y.EncodeStateAsUpdate(impostor));
        Assert.That(doc.ClientId, Is.Not.EqualTo(1UL));
        doc.GetText("t").Insert(1, "y");
        Assert.That(doc.GetText("t").ToString(), Is.EqualTo("xy"));
    }

    [Test]
    public void An_event_kept_past_its_transaction_reports_only_the_keys_of_that_transaction()
    {
        var doc = new YDoc(1);
        var map = doc.GetMap("m");
        YEvent? kept = null;
        void Keep(YEvent e, Transaction _) => kept = e;
        map.Observe(Keep);
        map.Set("first", 1);
        map.Unobserve(Keep);
        map.Set("second", 2);
        doc.Transact(_ =>
        {
            map.Set("third", 3);
            map.Delete("first");
        });
        Assert.That(kept!.Keys.Keys, Is.EquivalentTo(new[] { "first" }));
        Assert.That(kept.Keys["first"].Action, Is.EqualTo(KeyChangeAction.Add));
    }
}
