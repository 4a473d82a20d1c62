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
}
