using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Printing;
using NegotiationEditor.Drafting.Redlines;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Revisions;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>Revisions: circulate, list, read, print; compare two versions (revisions or the live text).</summary>
public static class RevisionEndpoints
{
    /// <summary>The name of the live text in <c>from</c> and <c>to</c>.</summary>
    public const string Live = "live";

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Maps the endpoints on the API group.</summary>
    public static RouteGroupBuilder MapRevisions(this RouteGroupBuilder api)
    {
        var revisions = api.MapGroup("/documents/{documentId}/revisions").WithTags("Revisions");
        revisions.MapPost("/", Circulate).WithName("CirculateRevision").WithSummary("Circulates the next revision, Rev.N (chair, secretariat).");
        revisions.MapGet("/", List).WithName("ListRevisions").WithSummary("The circulated revisions, Rev.1 first.");
        revisions.MapGet("/{revision}", Get).WithName("GetRevision").WithSummary("One revision (by id, number or label Rev.N).");
        revisions.MapGet("/{revision}/print", Print).WithName("PrintRevision").WithSummary("A revision printed as html, docx or pdf.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: DocxType)
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        api.MapGet("/documents/{documentId}/compare", Compare).WithName("CompareVersions").WithTags("Revisions")
            .WithSummary("A word-level redline between two revisions or a revision and the live text.")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: DocxType);
        return api;
    }

    private static async Task<Results<Created<RevisionView>, ProblemHttpResult>> Circulate(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        var circulated = await workflow.CirculateAsync(Callers.Of(context).Id, id);
        return circulated.Succeeded
            ? TypedResults.Created($"/api/documents/{id}/revisions/{circulated.Value.Id}", circulated.Value)
            : Problems.Refused(circulated.Refusal!, workflow.State, id);
    }

    private static Results<Ok<List<RevisionSummaryView>>, ProblemHttpResult> List(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (Readable(documentId, context, workflow) is var (document, problem) && problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(document!.Revisions.Select(Views.RevisionSummary).ToList());
    }

    private static Results<Ok<RevisionView>, ProblemHttpResult> Get(string documentId, string revision, HttpContext context, LiveWorkflow workflow)
    {
        if (Readable(documentId, context, workflow) is var (document, problem) && problem is not null)
        {
            return problem;
        }

        return Find(document!, revision) is { } found ? TypedResults.Ok(Views.Revision(found)) : RevisionNotFound(revision);
    }

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> Print(
        string documentId, string revision, string? format, HttpContext context, LiveWorkflow workflow)
    {
        if (Readable(documentId, context, workflow) is var (document, problem) && problem is not null)
        {
            return problem;
        }

        if (Find(document!, revision) is not { } found)
        {
            return RevisionNotFound(revision);
        }

        if (!WireNames.TryParse<PrintFormat>(format ?? "html", out var printFormat))
        {
            return Problems.Invalid($"'{format}' is not a print format: use html, docx or pdf");
        }

        Draft draft;
        try
        {
            draft = DraftParser.Parse(found.Text);
        }
        catch (DraftFormatException exception)
        {
            return Problems.Refused(Refusal.Conflict($"{found.Label} is not a well-formed draft and cannot be printed: {exception.Message}"));
        }

        var printer = new DraftPrinter(new PrintOptions { Symbol = found.Symbol, Date = found.CirculatedAt.UtcDateTime });
        var name = FileName(found.Symbol);
        switch (printFormat)
        {
            case PrintFormat.Docx:
                return TypedResults.File(printer.ToDocx(draft), DocxType, name + ".docx");
            case PrintFormat.Pdf:
                if (printer.ChromiumExecutable is null)
                {
                    return Problems.Unavailable("this server has no Chromium to print PDF; ask for html or docx");
                }

                try
                {
                    return TypedResults.File(await Task.Run(() => printer.ToPdf(draft)), "application/pdf", name + ".pdf");
                }
                catch (PrintingException exception)
                {
                    return Problems.Unavailable($"the PDF could not be printed: {exception.Message}");
                }

            default:
                return TypedResults.Content(printer.ToHtml(draft), "text/html; charset=utf-8");
        }
    }

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> Compare(
        string documentId, string? from, string? to, string? format, string? view, HttpContext context, LiveWorkflow workflow)
    {
        if (Readable(documentId, context, workflow) is var (document, problem) && problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(from))
        {
            return Problems.Invalid("say what to compare from: from=Rev.N (a revision's label, number or id) or from=live");
        }

        to = string.IsNullOrEmpty(to) ? Live : to;
        format = string.IsNullOrEmpty(format) ? "text" : format.ToLowerInvariant();
        var sideBySide = (view ?? "inline").ToLowerInvariant() switch
        {
            "inline" => false,
            "side-by-side" => true,
            _ => (bool?)null,
        };
        if (sideBySide is null)
        {
            return Problems.Invalid($"'{view}' is not a view: use inline or side-by-side");
        }

        if (format is not ("text" or "json" or "html" or "docx"))
        {
            return Problems.Invalid($"'{format}' is not a compare format: use text, json, html or docx");
        }

        if (sideBySide.Value && format is "text" or "docx")
        {
            return Problems.Invalid($"the {format} redline is inline only; side-by-side is for json and html");
        }

        var (oldLabel, oldColumn, oldHeading, oldText, oldProblem) = await VersionAsync(document!, from, workflow);
        if (oldProblem is not null)
        {
            return oldProblem;
        }

        var (newLabel, newColumn, newHeading, newText, newProblem) = await VersionAsync(document!, to, workflow);
        if (newProblem is not null)
        {
            return newProblem;
        }

        Redline redline;
        try
        {
            // Headed by the versions compared (Rev.N's symbol and time, the live text now) rather than by the front matter.
            var compared = Redliner.Default.Compare(oldText!, newText!);
            // The HTML columns are labelled by the versions compared (Rev.1, Rev.2, live text), their symbol and time beneath.
            redline = format == "html"
                ? new Redline(Column(oldColumn, oldHeading), Column(newColumn, newHeading), compared.Title, compared.Paragraphs)
                : new Redline(oldHeading, newHeading, compared.Title, compared.Paragraphs);
        }
        catch (DraftFormatException exception)
        {
            return Problems.Refused(Refusal.Conflict($"the versions cannot be compared: {exception.Message}"));
        }

        var heading = $"{document!.Symbol}: {oldLabel} compared with {newLabel}";
        return format switch
        {
            "json" => TypedResults.Content(JsonRedlineRenderer.Render(redline, sideBySide.Value), "application/json; charset=utf-8"),
            "html" => TypedResults.Content(HtmlRedlineRenderer.Render(redline, new HtmlRedlineOptions(sideBySide.Value, heading)), "text/html; charset=utf-8"),
            "docx" => TypedResults.File(
                DocxRedlineRenderer.Render(redline, new DocxRedlineOptions(Callers.Of(context).Name, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())),
                DocxType,
                FileName($"{document.Symbol} {oldLabel} {newLabel}") + ".docx"),
            _ => TypedResults.Content(PlainTextRedlineRenderer.Render(redline), "text/plain; charset=utf-8"),
        };
    }

    private static async Task<(string Label, string Column, RedlineHeading Heading, string? Text, ProblemHttpResult? Problem)> VersionAsync(
        NegotiatedDocument document, string name, LiveWorkflow workflow)
    {
        if (string.Equals(name, Live, StringComparison.OrdinalIgnoreCase))
        {
            var text = await workflow.ReadAsync(document.Id, (_, anchors) => anchors.CurrentText);
            return ("the live text", "live text", new RedlineHeading(document.Symbol, "live text"), text, null);
        }

        return Find(document, name) is { } revision
            ? (revision.Label, revision.Label, new RedlineHeading(revision.Symbol, revision.CirculatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)), revision.Text, null)
            : (name, name, RedlineHeading.None, null, RevisionNotFound(name));
    }

    // "Rev.1 (E/CN.16/2010/CRP.1/Rev.1, 2010-12-17 19:00 UTC)", "live text (E/CN.16/2010/CRP.1)": the version first.
    private static RedlineHeading Column(string column, RedlineHeading heading) =>
        new(column, heading.Date == column ? heading.Symbol : string.Join(", ", new[] { heading.Symbol, heading.Date }.OfType<string>()));

    private static (NegotiatedDocument? Document, ProblemHttpResult? Problem) Readable(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return (null, problem);
        }

        var state = workflow.State;
        return LiveWorkflow.Check(state, Callers.Of(context).Id, NegotiationAction.Read, id) is { } refusal
            ? (null, Problems.Refused(refusal))
            : (state.FindDocument(id), null);
    }

    /// <summary>A revision by id, number (<c>1</c>) or label (<c>Rev.1</c>).</summary>
    private static Revision? Find(NegotiatedDocument document, string name)
    {
        if (RevisionId.TryParse(name, out var id))
        {
            return document.Revisions.Find(r => r.Id == id);
        }

        var number = name.StartsWith("Rev.", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
        return int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? document.Revisions.Find(r => r.Number == n)
            : null;
    }

    private static ProblemHttpResult RevisionNotFound(string name) =>
        Problems.NotFound($"there is no revision '{name}' of this document (use its label Rev.N, its number or its id)");

    private static string FileName(string symbol) =>
        new([.. symbol.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
}
