using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.Tests.Collaboration;

/// <summary>A broadcast's frame is prepared once for a channel and shared by the receivers that ask for the same form.</summary>
public sealed class BroadcastFrameTests
{
    [Test]
    public void The_first_receiver_prepares_the_frame_and_the_others_reuse_it()
    {
        var frame = new BroadcastFrame([0, 1, 2]);
        var made = 0;

        var first = frame.Prepared(bytes => { made++; return new Wrapped(bytes); });
        var second = frame.Prepared(bytes => { made++; return new Wrapped(bytes); });

        Assert.That(second, Is.SameAs(first));
        Assert.That(made, Is.EqualTo(1));
        Assert.That(first.Bytes, Is.SameAs(frame.Bytes), "prepared from the broadcast's own bytes");
    }

    [Test]
    public void Another_form_of_the_same_frame_is_made_for_each_receiver_that_asks()
    {
        var frame = new BroadcastFrame([7]);
        var kept = frame.Prepared(bytes => new Wrapped(bytes));
        var made = 0;

        var other = frame.Prepared(bytes => { made++; return new string('x', bytes.Length); });
        frame.Prepared(bytes => { made++; return new string('x', bytes.Length); });

        Assert.That(other, Is.EqualTo("x"));
        Assert.That(made, Is.EqualTo(2));
        Assert.That(frame.Prepared(bytes => new Wrapped(bytes)), Is.SameAs(kept), "the first form stays the kept one");
    }

    [Test]
    public async Task Receivers_asking_at_once_on_many_threads_all_get_one_of_the_forms_made()
    {
        var frame = new BroadcastFrame([1, 2, 3, 4]);
        using var start = new ManualResetEventSlim();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return frame.Prepared(bytes => new Wrapped(bytes));
        })).Append(Task.Run(() =>
        {
            start.Set();
            return frame.Prepared(bytes => new Wrapped(bytes));
        })));

        var kept = frame.Prepared<Wrapped>(_ => throw new AssertionException("the kept form is not made again"));
        Assert.That(results, Has.All.Property(nameof(Wrapped.Bytes)).SameAs(frame.Bytes));
        Assert.That(results.Count(result => ReferenceEquals(result, kept)), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void A_frame_needs_bytes_and_a_way_to_prepare_them()
    {
        Assert.That(() => new BroadcastFrame(null!), Throws.ArgumentNullException);
        Assert.That(() => new BroadcastFrame([1]).Prepared<Wrapped>(null!), Throws.ArgumentNullException);
    }

    private sealed record Wrapped(byte[] Bytes);
}
