using Microsoft.Extensions.Options;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Timeline;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Collaboration.Hooks;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Workflow;

/// <summary>A document's text through time, read from its edit history.</summary>
/// <param name="Start">When the document's timeline starts: when its tabled text was on the table.</param>
/// <param name="Bursts">The bursts of typing, oldest first.</param>
/// <param name="TextTabledAt">When the tabled text was stored, if the history holds it.</param>
public sealed record TextTimeline(DateTimeOffset Start, IReadOnlyList<EditBurst> Bursts, DateTimeOffset? TextTabledAt);

/// <summary>
/// Reads a document's past texts from <see cref="IDocumentHistory"/>: the CRDT as it was at a moment (every record
/// stored by then applied to a fresh document), and the bursts of typing with what each changed.
/// </summary>
public sealed class TextHistory(IDocumentHistory history, IOptions<HistoryOptions> options)
{
    // The last bursts read per document, with what they were read from: records are only added or extended, so the
    // same count and the same last record mean the same history.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DocumentId, (HistoryMark Mark, List<EditBurst> Bursts)> _bursts = new();

    /// <summary>The document's CRDT as stored by <paramref name="moment"/> (not garbage-collected, so anchors resolve).</summary>
    public YDoc DocumentAt(DocumentId document, DateTimeOffset moment) => Build(history.Read(document, moment));

    /// <summary>The document's edit records stored by <paramref name="moment"/>, oldest first.</summary>
    public IReadOnlyList<EditRecord> Records(DocumentId document, DateTimeOffset moment) => history.Read(document, moment);

    /// <summary>When the document's timeline starts (see <see cref="TextTimeline.Start"/>).</summary>
    public DateTimeOffset StartOf(NegotiationState state, DocumentId document, IReadOnlyList<EditRecord>? recordsSoFar = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var records = recordsSoFar is { Count: > 0 } ? recordsSoFar : history.Read(document);
        return Start(state, document, records.Count > 0 ? records[0] : null);
    }

    /// <summary>The document's bursts of typing, each with what it changed, and when its timeline starts.</summary>
    public TextTimeline Timeline(NegotiationState state, DocumentId document)
    {
        ArgumentNullException.ThrowIfNull(state);
        var records = history.Read(document);
        var first = records.Count > 0 ? records[0] : null;
        var mark = HistoryMark.Of(records);
        if (_bursts.TryGetValue(document, out var cached) && cached.Mark == mark)
        {
            return new TextTimeline(Start(state, document, first), cached.Bursts, first is { Author: null } ? first.Last : null);
        }

        var bursts = new List<EditBurst>();
        var doc = new YDoc(new YDocOptions { Gc = false });
        var text = doc.GetText(LiveText.RootName);
        var current = "";
        var gap = options.Value.BurstGap;

        // Server-made records (the tabled text, accepted amendments) are moments of the workflow, not typing: they end
        // a burst and are not one.
        var runs = new List<List<EditRecord>>();
        foreach (var record in records)
        {
            if (record.Author is null)
            {
                runs.Add([record]);
            }
            else if (runs.Count > 0 && runs[^1] is [{ Author: not null }, ..] typing)
            {
                typing.Add(record);
            }
            else
            {
                runs.Add([record]);
            }
        }

        foreach (var run in runs)
        {
            if (run[0].Author is null)
            {
                Y.ApplyUpdate(doc, run[0].Update);
                current = text.ToString();
                continue;
            }

            foreach (var burst in EditBursts.Split(run, r => (r.First, r.Last), gap))
            {
                foreach (var record in burst)
                {
                    Y.ApplyUpdate(doc, record.Update);
                }

                var after = text.ToString();
                var change = TextChange.Between(current, after);
                var editors = burst.Select(r => r.Author!.Value).Distinct().ToList();
                bursts.Add(new EditBurst(burst[0].First, burst.Max(r => r.Last), editors, change, ParagraphLocator.Locate(after, change.Index)?.ToString()));
                current = after;
            }
        }

        _bursts[document] = (mark, bursts);
        return new TextTimeline(Start(state, document, first), bursts, first is { Author: null } ? first.Last : null);
    }

    private static DateTimeOffset Start(NegotiationState state, DocumentId document, EditRecord? first)
    {
        var tabled = NegotiationAtMoment.TabledAt(state, document);
        return (tabled, first) switch
        {
            ({ } at, { Author: null } text) => text.Last > at ? text.Last : at,
            ({ } at, _) => at,
            (null, { } text) => text.First,
            _ => DateTimeOffset.MinValue,
        };
    }

    /// <summary>A fresh CRDT holding <paramref name="records"/> (not garbage-collected, so anchors resolve).</summary>
    public static YDoc Build(IReadOnlyList<EditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        // One by one in one transaction: far cheaper than merging a day of records first.
        var doc = new YDoc(new YDocOptions { Gc = false });
        doc.Transact(_ =>
        {
            foreach (var record in records)
            {
                Y.ApplyUpdate(doc, record.Update);
            }
        });
        return doc;
    }

    private readonly record struct HistoryMark(int Count, long LastFirst, long LastLast, ulong LastBytes)
    {
        public static HistoryMark Of(IReadOnlyList<EditRecord> records) => records.Count == 0
            ? default
            : new HistoryMark(records.Count, records[^1].First.UtcTicks, records[^1].Last.UtcTicks, Fnv(records[^1].Update));

        // FNV-1a over the last record's bytes (small: at most a second of one author's typing).
        private static ulong Fnv(byte[] bytes)
        {
            var hash = 14695981039346656037UL;
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            return hash;
        }
    }
}
