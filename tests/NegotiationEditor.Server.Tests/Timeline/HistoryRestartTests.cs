using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Collaboration.Hooks;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Tests.Timeline;

/// <summary>The edit history is kept beside the update log: compaction leaves it whole, and a restart finds it.</summary>
public sealed class HistoryRestartTests
{
    [Test]
    public async Task The_text_at_past_moments_survives_compaction_and_a_restart_on_the_same_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "negotiation-timeline-restart-" + Guid.NewGuid().ToString("N"));
        var clock = new HandClock(TimelineServer.Morning);
        var seen = new List<(DateTimeOffset Time, string Text)>();
        string document;
        try
        {
            using (var server = new TimelineServer(clock, folder))
            {
                document = server.Negotiation.Current.Documents[0].Id.ToString();
                await using (var chair = await server.TypistAsync("chair", document))
                {
                    seen.Add((clock.Advance(TimeSpan.FromMinutes(1)), chair.Text));
                    foreach (var words in new[] { "First day. ", "Second thoughts. ", "Third way. " })
                    {
                        clock.Advance(TimeSpan.FromMinutes(1));
                        await chair.TypeAsync(chair.Text.Length, words, clock, TimeSpan.FromMilliseconds(300));
                        seen.Add((clock.GetUtcNow(), chair.Text));
                    }
                }

                var rooms = server.Services.GetRequiredService<DocumentRooms>();
                var log = server.Services.GetRequiredService<IDocumentUpdateLog>();
                var id = DocumentId.TryParse(document, out var parsed) ? parsed : throw new FormatException(document);
                Assert.That(log.Read(id), Has.Count.GreaterThan(1), "keystrokes were logged one by one");
                rooms.Compact(rooms.Loaded.Single(r => r.Id == id));
                Assert.That(log.Read(id), Has.Count.EqualTo(1), "the update log was compacted into one update");

                using var afterCompaction = server.As("chair");
                foreach (var (time, text) in seen)
                {
                    Assert.That((await afterCompaction.AtAsync(document, time))["text"]!.GetValue<string>(), Is.EqualTo(text), $"after compaction, at {time:O}");
                }
            }

            clock.Advance(TimeSpan.FromHours(1));
            using (var restarted = new TimelineServer(clock, folder))
            {
                using var observer = restarted.As("observer");
                foreach (var (time, text) in seen)
                {
                    Assert.That((await observer.AtAsync(document, time))["text"]!.GetValue<string>(), Is.EqualTo(text), $"after the restart, at {time:O}");
                }

                var kinds = (await observer.GetJsonAsync($"/api/documents/{document}/timeline"))["moments"]!.AsArray().Select(m => m!["kind"]!.GetValue<string>());
                Assert.That(kinds, Is.EqualTo(new[] { "tabled", "edit", "edit", "edit" }));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a stopping host: the temporary folder stays behind.
            }
        }
    }

    [Test]
    public async Task A_data_folder_kept_before_the_history_existed_shows_its_stored_text_from_the_tabling_on()
    {
        var folder = Path.Combine(Path.GetTempPath(), "negotiation-timeline-legacy-" + Guid.NewGuid().ToString("N"));
        var clock = new HandClock(TimelineServer.Morning);
        try
        {
            string document, typed;
            using (var server = new TimelineServer(clock, folder))
            {
                document = server.Negotiation.Current.Documents[0].Id.ToString();
                await using var chair = await server.TypistAsync("chair", document);
                clock.Advance(TimeSpan.FromMinutes(5));
                await chair.TypeAsync(chair.Text.Length, " Typed before the upgrade.", clock, TimeSpan.FromMilliseconds(100));
                typed = chair.Text;
            }

            foreach (var file in Directory.GetFiles(folder, "history*"))
            {
                File.Delete(file);
            }

            clock.Advance(TimeSpan.FromHours(1));
            using var upgraded = new TimelineServer(clock, folder);
            using var observer = upgraded.As("observer");

            var timeline = await observer.GetJsonAsync($"/api/documents/{document}/timeline");
            var atTabling = await observer.AtAsync(document, TimelineServer.Morning);

            Assert.That(timeline["moments"]!.AsArray().Select(m => m!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "tabled" }));
            Assert.That(atTabling["text"]!.GetValue<string>(), Is.EqualTo(typed), "what the update log held, learnt as of the tabling");
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a stopping host: the temporary folder stays behind.
            }
        }
    }

    [Test]
    public async Task Keystrokes_of_one_author_within_a_second_are_one_record_and_the_history_stays_small()
    {
        var clock = new HandClock(TimelineServer.Morning);
        using var server = new TimelineServer(clock);
        var document = server.Negotiation.Current.Documents[0].Id;
        await using (var chair = await server.TypistAsync("chair", document.ToString()))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            // 40 keystrokes, 100 ms apart: four seconds of typing.
            await chair.TypeAsync(0, "Agreed ad referendum, pending review. ..", clock, TimeSpan.FromMilliseconds(100));
        }

        await server.Services.GetRequiredService<HistoryRecorder>().FlushAsync();
        var records = server.Services.GetRequiredService<IDocumentHistory>().Read(document);
        var typed = records.Where(r => r.Author is not null).ToList();

        Assert.That(typed, Has.Count.InRange(4, 5), "one record per second of typing, not one per keystroke");
        Assert.That(typed.Select(r => r.Last - r.First), Is.All.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(typed.Select(r => r.Author), Is.All.EqualTo(server.Negotiation.Current.Participants[0].Id), "the chair typed them");
    }
}
