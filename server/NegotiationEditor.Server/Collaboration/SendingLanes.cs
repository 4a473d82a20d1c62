using System.Collections.Concurrent;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>One broadcast's writes, lane by lane: <see cref="Write"/> writes to the receivers on the given lane.</summary>
public interface ILaneWork
{
    /// <summary>Writes to the receivers on <paramref name="lane"/>.</summary>
    void Write(int lane);
}

/// <summary>
/// The threads a broadcast's writes run on: one lane per processor. Every receiver is given one lane for its whole
/// life (<see cref="Next"/>), and a lane does the work posted to it one item after the other, so a receiver gets a
/// document's broadcasts in the order they were posted, while the writes to many receivers (each a socket send)
/// spread over every core instead of holding up the thread that broadcasts. With one processor the work is done at
/// once, on the posting thread.
/// </summary>
public sealed class SendingLanes
{
    private readonly Lane[] _lanes;
    private int _next = -1;

    /// <summary>One lane per processor.</summary>
    public SendingLanes()
        : this(Environment.ProcessorCount)
    {
    }

    /// <summary><paramref name="count"/> lanes (at least one).</summary>
    public SendingLanes(int count)
    {
        _lanes = new Lane[Math.Max(1, count)];
        for (var i = 0; i < _lanes.Length; i++)
        {
            _lanes[i] = new Lane(i);
        }
    }

    /// <summary>How many lanes there are.</summary>
    public int Count => _lanes.Length;

    /// <summary>The lane of a new receiver (round robin).</summary>
    public int Next() => (int)((uint)Interlocked.Increment(ref _next) % (uint)_lanes.Length);

    /// <summary>Has every lane do its part of <paramref name="work"/>, after what was posted before.</summary>
    public void Post(ILaneWork work)
    {
        if (_lanes.Length == 1)
        {
            work.Write(0);
            return;
        }
        foreach (var lane in _lanes)
        {
            lane.Post(work);
        }
    }

    // Runs on one thread-pool thread at a time, while it has work; the next post schedules it again.
    private sealed class Lane(int index) : IThreadPoolWorkItem
    {
        private readonly ConcurrentQueue<ILaneWork> _waiting = new();
        private int _scheduled;

        public void Post(ILaneWork work)
        {
            _waiting.Enqueue(work);
            if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }

        public void Execute()
        {
            while (true)
            {
                while (_waiting.TryDequeue(out var work))
                {
                    work.Write(index);
                }
                Volatile.Write(ref _scheduled, 0);
                // Work posted after the queue was found empty but before the flag was cleared found the lane still
                // scheduled: pick it up here, unless a new run was scheduled meanwhile.
                if (_waiting.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
                {
                    return;
                }
            }
        }
    }
}
