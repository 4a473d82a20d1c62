using NegotiationEditor.Negotiation.Timeline;

namespace NegotiationEditor.Negotiation.Tests.Timeline;

/// <summary>Stored edits split into bursts of typing at pauses longer than the gap.</summary>
public sealed class EditBurstsTests
{
    private static readonly DateTimeOffset Noon = new(2010, 12, 17, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_pause_longer_than_the_gap_starts_a_new_burst_and_a_shorter_one_does_not()
    {
        var seconds = new[] { 0, 1, 2, 4, 12, 13, 30 };

        var bursts = EditBursts.Split(seconds, s => (Noon.AddSeconds(s), Noon.AddSeconds(s)), TimeSpan.FromSeconds(5));

        Assert.That(bursts, Is.EqualTo(new[] { new[] { 0, 1, 2, 4 }, new[] { 12, 13 }, new[] { 30 } }));
    }

    [Test]
    public void The_gap_is_measured_from_where_the_previous_edits_ended()
    {
        var records = new[] { (First: 0, Last: 9), (First: 12, Last: 12), (First: 20, Last: 20) };

        var bursts = EditBursts.Split(records, r => (Noon.AddSeconds(r.First), Noon.AddSeconds(r.Last)), TimeSpan.FromSeconds(5));

        Assert.That(bursts.Select(b => b.Count), Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void No_edits_make_no_bursts() =>
        Assert.That(EditBursts.Split(Array.Empty<int>(), _ => (Noon, Noon), TimeSpan.FromSeconds(5)), Is.Empty);
}
