using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt.Tests.Core;

public sealed class StructListTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Random_inserts_and_removals_keep_the_same_order_as_a_plain_list(int seed)
    {
        var random = new Random(seed);
        var expected = new List<AbstractStruct>();
        var actual = new StructList();
        for (var step = 0; step < 5000; step++)
        {
            var choice = random.Next(10);
            if (choice < 5 || expected.Count == 0)
            {
                var index = random.Next(3) == 0 ? expected.Count : random.Next(expected.Count + 1);
                var item = new GcStruct(1, step, 1);
                expected.Insert(index, item);
                actual.Insert(index, item);
            }
            else
            {
                var index = random.Next(expected.Count);
                var count = 1 + random.Next(Math.Min(3, expected.Count - index));
                if (random.Next(3) == 0)
                {
                    index = expected.Count - count;
                }

                expected.RemoveRange(index, count);
                actual.RemoveRange(index, count);
            }

            Assert.That(actual.Count, Is.EqualTo(expected.Count), $"seed {seed}, step {step}");
            if (step % 97 == 0 || expected.Count < 20)
            {
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.That(actual[i], Is.SameAs(expected[i]), $"seed {seed}, step {step}, index {i}");
                }
            }
        }
    }

    [Test]
    public void Every_clock_is_found_after_random_splits_and_merges()
    {
        var random = new Random(7);
        var list = new StructList();
        var reference = new List<GcStruct>();
        long clock = 0;
        for (var i = 0; i < 3000; i++)
        {
            var length = 1 + random.Next(5);
            var item = new GcStruct(1, clock, length);
            clock += length;
            list.Add(item);
            reference.Add(item);
        }

        for (var step = 0; step < 4000; step++)
        {
            var index = random.Next(reference.Count);
            var item = reference[index];
            if (random.Next(2) == 0 && item.Length > 1)
            {
                // Split the struct in two, as an item split does.
                var cut = 1 + random.Next(item.Length - 1);
                var right = new GcStruct(1, item.Clock + cut, item.Length - cut);
                item.Length = cut;
                reference.Insert(index + 1, right);
                list.Insert(index + 1, right);
            }
            else if (index + 1 < reference.Count)
            {
                // Merge the next struct into this one.
                item.Length += reference[index + 1].Length;
                reference.RemoveAt(index + 1);
                list.RemoveRange(index + 1, 1);
            }

            var probe = random.NextInt64(clock);
            var expected = reference.FindIndex(s => s.Clock <= probe && probe < s.Clock + s.Length);
            Assert.That(list.FindIndexByClock(probe), Is.EqualTo(expected), $"step {step}, clock {probe}");
        }

        Assert.That(list.FindIndexByClock(clock), Is.EqualTo(-1));
    }
}
