using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Protocol;

public sealed class AwarenessTests
{
    private const ulong Local = 20;
    private const ulong Peer = 31;

    private FakeTime _time = null!;
    private Awareness _awareness = null!;
    private List<(string Kind, AwarenessChange Change)> _events = null!;

    [SetUp]
    public void CreateAwareness()
    {
        _time = new FakeTime();
        _awareness = new Awareness(Local, _time);
        _events = [];
        _awareness.Changed += (_, change) => _events.Add(("change", change));
        _awareness.Updated += (_, change) => _events.Add(("update", change));
    }

    private static byte[] Update(params AwarenessEntry[] entries) => AwarenessUpdate.Write(entries);

    [Test]
    public void A_new_awareness_holds_the_empty_local_state_at_clock_0()
    {
        var fresh = new Awareness(5, _time);

        Assert.Multiple(() =>
        {
            Assert.That(fresh.LocalState, Is.EqualTo("{}"));
            Assert.That(fresh.Meta[5].Clock, Is.Zero);
        });
    }

    [Test]
    public void Setting_the_local_state_raises_the_local_clock_and_reports_an_update()
    {
        _awareness.SetLocalState("""{"user":"alice"}""");

        Assert.Multiple(() =>
        {
            Assert.That(_awareness.Meta[Local].Clock, Is.EqualTo(1));
            Assert.That(_events.Select(e => (e.Kind, e.Change.Updated.ToArray(), e.Change.Origin)),
                Is.EqualTo(new[] { ("change", new[] { Local }, (object?)Awareness.LocalOrigin), ("update", new[] { Local }, (object?)Awareness.LocalOrigin) }));
        });
    }

    [Test]
    public void Setting_an_equal_local_state_is_an_update_but_not_a_change()
    {
        _awareness.SetLocalState("""{"a":1,"b":2}""");
        _events.Clear();

        _awareness.SetLocalState("""{"b":2,"a":1}""");

        Assert.That(_events.Select(e => e.Kind), Is.EqualTo(new[] { "update" }));
    }

    [Test]
    public void A_peer_state_with_a_higher_clock_is_added()
    {
        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 3, """{"user":"bob"}""")), "remote");

        Assert.Multiple(() =>
        {
            Assert.That(_awareness.States[Peer], Is.EqualTo("""{"user":"bob"}"""));
            Assert.That(_awareness.Meta[Peer].Clock, Is.EqualTo(3));
            Assert.That(_events.Single(e => e.Kind == "change").Change.Added, Is.EqualTo(new[] { Peer }));
            Assert.That(_events.Single(e => e.Kind == "change").Change.Origin, Is.EqualTo("remote"));
        });
    }

    [Test]
    public void A_peer_state_with_an_older_or_equal_clock_is_ignored()
    {
        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 3, """{"v":3}""")));
        _events.Clear();

        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 3, """{"v":"same clock"}"""), new AwarenessEntry(Peer, 2, """{"v":2}""")));

        Assert.Multiple(() =>
        {
            Assert.That(_awareness.States[Peer], Is.EqualTo("""{"v":3}"""));
            Assert.That(_events, Is.Empty);
        });
    }

    [Test]
    public void A_null_state_with_the_same_clock_removes_the_peer()
    {
        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 3, """{"v":3}""")));

        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 3, null)));

        Assert.Multiple(() =>
        {
            Assert.That(_awareness.States.ContainsKey(Peer), Is.False);
            Assert.That(_awareness.Meta[Peer].Clock, Is.EqualTo(3));
            Assert.That(_events.Last().Change.Removed, Is.EqualTo(new[] { Peer }));
        });
    }

    [Test]
    public void A_peer_cannot_remove_the_local_state_whose_clock_is_raised_instead()
    {
        _awareness.SetLocalState("""{"user":"alice"}""");

        _awareness.ApplyUpdate(Update(new AwarenessEntry(Local, 5, null)));

        Assert.Multiple(() =>
        {
            Assert.That(_awareness.LocalState, Is.EqualTo("""{"user":"alice"}"""));
            Assert.That(_awareness.Meta[Local].Clock, Is.EqualTo(6));
            Assert.That(_events.Last().Change.All, Does.Contain(Local), "the local entry must be sent again");
        });
    }

    [Test]
    public void A_malformed_update_changes_no_state_even_when_its_first_entry_was_valid()
    {
        var valid = Update(new AwarenessEntry(Peer, 9, """{"v":9}"""));
        var broken = Hex.Decode("02" + Hex.Encode(valid)[2..] + "2a0103");

        Assert.Multiple(() =>
        {
            Assert.That(() => _awareness.ApplyUpdate(broken), Throws.TypeOf<CrdtFormatException>());
            Assert.That(_awareness.States.Keys, Is.EqualTo(new[] { Local }));
            Assert.That(_events, Is.Empty);
        });
    }

    [Test]
    public void Removing_the_local_state_raises_its_clock_so_that_peers_accept_the_removal()
    {
        _awareness.RemoveStates([Local, Peer], "closing");

        Assert.Multiple(() =>
        {
            Assert.That(_awareness.LocalState, Is.Null);
            Assert.That(_awareness.Meta[Local].Clock, Is.EqualTo(1));
            Assert.That(_awareness.EncodeUpdate([Local]), Is.EqualTo(Update(new AwarenessEntry(Local, 1, null))));
            Assert.That(_events.Select(e => (e.Kind, e.Change.Removed.Single(), e.Change.Origin)),
                Is.EqualTo(new[] { ("change", Local, (object?)"closing"), ("update", Local, (object?)"closing") }));
        });
    }

    [Test]
    public void A_local_state_not_renewed_for_half_the_timeout_is_renewed_by_the_check()
    {
        _time.Advance(Awareness.OutdatedTimeout / 2);

        _awareness.CheckTimeouts();

        Assert.Multiple(() =>
        {
            Assert.That(_awareness.Meta[Local].Clock, Is.EqualTo(1));
            Assert.That(_awareness.LocalState, Is.EqualTo("{}"));
        });
    }

    [Test]
    public void A_peer_state_not_renewed_within_the_timeout_is_dropped_by_the_check()
    {
        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 1, "{}")));
        _time.Advance(Awareness.OutdatedTimeout - TimeSpan.FromSeconds(1));
        _awareness.CheckTimeouts();
        var keptBeforeTimeout = _awareness.States.ContainsKey(Peer);

        _time.Advance(TimeSpan.FromSeconds(1));
        _awareness.CheckTimeouts();

        Assert.Multiple(() =>
        {
            Assert.That(keptBeforeTimeout, Is.True);
            Assert.That(_awareness.States.ContainsKey(Peer), Is.False);
            Assert.That(_events.Last().Change.Origin, Is.EqualTo(Awareness.TimeoutOrigin));
        });
    }

    [Test]
    public void The_states_of_a_query_answer_come_in_the_order_clients_were_last_added()
    {
        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 1, "{}"), new AwarenessEntry(7, 1, "{}")));
        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 1, null)));
        _awareness.ApplyUpdate(Update(new AwarenessEntry(Peer, 2, """{"back":true}""")));

        Assert.That(_awareness.States.Keys, Is.EqualTo(new[] { Local, 7UL, Peer }));
    }

    [Test]
    public void Encoding_a_client_that_was_never_seen_is_refused()
    {
        Assert.That(() => _awareness.EncodeUpdate([Peer]), Throws.ArgumentException);
    }

    [Test]
    public void A_local_state_that_is_not_json_is_refused_and_the_old_state_kept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => _awareness.SetLocalState("{user:"), Throws.ArgumentException);
            Assert.That(_awareness.LocalState, Is.EqualTo("{}"));
            Assert.That(_awareness.Meta[Local].Clock, Is.Zero);
        });
    }
}
