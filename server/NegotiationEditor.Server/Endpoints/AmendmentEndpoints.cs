using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>A span of the live text as UTF-16 indexes, end exclusive.</summary>
/// <param name="Start">The first index.</param>
/// <param name="End">The index after the span (equal to Start for a point).</param>
public sealed record RangeRequest(int Start, int End);

/// <summary>A span as encoded relative positions (base64 of yjs encodeRelativePosition).</summary>
/// <param name="Start">The start position.</param>
/// <param name="End">The end position (the same bytes as Start for a point).</param>
public sealed record AnchorRequest(string? Start, string? End);

/// <summary>An amendment to propose.</summary>
/// <param name="Kind">insert, delete, replace, alternatives, newParagraph or deleteParagraph.</param>
/// <param name="Paragraph">The id of the paragraph the span is in (p-1, op-2 ...); found from the span when absent.</param>
/// <param name="Range">The span as indexes; or give Anchor.</param>
/// <param name="Anchor">The span as relative positions; or give Range.</param>
/// <param name="OriginalText">The words the span holds now (empty for insert and newParagraph).</param>
/// <param name="ProposedTexts">The words proposed.</param>
/// <param name="ProposedBy">The proposing delegation's id; the caller's own when absent.</param>
/// <param name="CoSponsors">Ids of co-sponsoring delegations.</param>
/// <param name="Justification">Why (optional).</param>
/// <param name="Proposer">delegation (default) or chair: a chair's proposal, tabled by the chair or the secretariat for no
/// delegation (ProposedBy must then be absent).</param>
public sealed record ProposeAmendmentRequest(
    string? Kind,
    string? Paragraph,
    RangeRequest? Range,
    AnchorRequest? Anchor,
    string? OriginalText,
    IReadOnlyList<string>? ProposedTexts,
    string? ProposedBy,
    IReadOnlyList<string>? CoSponsors,
    string? Justification,
    string? Proposer = null);

/// <summary>The chair's acceptance.</summary>
/// <param name="Alternative">For alternatives: the index of the accepted text.</param>
public sealed record AcceptRequest(int? Alternative);

/// <summary>Amendments: list, read, propose, withdraw; the chair accepts and rejects.</summary>
public static class AmendmentEndpoints
{
    /// <summary>Maps the endpoints on the API group.</summary>
    public static RouteGroupBuilder MapAmendments(this RouteGroupBuilder api)
    {
        var amendments = api.MapGroup("/documents/{documentId}/amendments").WithTags("Amendments");
        amendments.MapGet("/", List).WithName("ListAmendments").WithSummary("The amendments of a document, with ledger, positions and collisions.");
        amendments.MapGet("/{amendmentId}", Get).WithName("GetAmendment").WithSummary("One amendment.");
        amendments.MapPost("/", Propose).WithName("ProposeAmendment")
            .WithSummary("Proposes an amendment for the caller's delegation (member-state delegate, stakeholder), or a chair's proposal (chair, secretariat).")
            .Accepts<ProposeAmendmentRequest>("application/json");
        amendments.MapPost("/{amendmentId}/withdraw", Withdraw).WithName("WithdrawAmendment").WithSummary("The proposing delegation withdraws its amendment (a chair's proposal: the chair or the secretariat).");
        amendments.MapPost("/{amendmentId}/accept", Accept).WithName("AcceptAmendment")
            .WithSummary("The chair accepts: the change is applied to the live text in one CRDT transaction.")
            .Accepts<AcceptRequest>("application/json");
        amendments.MapPost("/{amendmentId}/reject", Reject).WithName("RejectAmendment").WithSummary("The chair rejects an amendment.");
        return api;
    }

    private static async Task<Results<Ok<List<AmendmentView>>, ProblemHttpResult>> List(string documentId, string? status, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        AmendmentStatus? only = null;
        if (status is not null)
        {
            if (!WireNames.TryParse<AmendmentStatus>(status, out var parsed))
            {
                return Problems.Invalid($"'{status}' is not a status: use {WireNames.All<AmendmentStatus>()}");
            }

            only = parsed;
        }

        if (LiveWorkflow.Check(workflow.State, Callers.Of(context).Id, NegotiationAction.Read, id) is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        return TypedResults.Ok(await workflow.ReadAsync(id, (state, anchors) =>
        {
            var document = state.FindDocument(id)!;
            return document.Amendments
                .Where(a => only is null || a.Status == only)
                .Select(a => Views.Amendment(state, document, a, anchors))
                .ToList();
        }));
    }

    private static async Task<Results<Ok<AmendmentView>, ProblemHttpResult>> Get(string documentId, string amendmentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem) || !Ids.TryAmendment(amendmentId, out var amendment, out problem))
        {
            return problem;
        }

        if (LiveWorkflow.Check(workflow.State, Callers.Of(context).Id, NegotiationAction.Read, id) is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        var view = await workflow.ReadAsync(id, (state, anchors) =>
        {
            var document = state.FindDocument(id)!;
            return document.FindAmendment(amendment) is { } found ? Views.Amendment(state, document, found, anchors) : null;
        });
        return view is null ? Problems.NotFound("there is no such amendment on this document") : TypedResults.Ok(view);
    }

    private static async Task<Results<Created<AmendmentView>, ProblemHttpResult>> Propose(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        var caller = Callers.Of(context);
        var state = workflow.State;
        // Before the body is read: the caller may propose for its delegation, or table the chair's proposals.
        if (LiveWorkflow.Check(state, caller.Id, NegotiationAction.Propose, id, caller.Delegation) is { } refusal
            && LiveWorkflow.Check(state, caller.Id, NegotiationAction.ProposeForTheChair, id) is not null)
        {
            return Problems.Refused(refusal, state, id);
        }

        var (request, bodyProblem) = await RequestBody.ReadAsync<ProposeAmendmentRequest>(context);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (Read(request!) is not { } tabling)
        {
            return Problems.Invalid(Problem(request!)!);
        }

        var proposed = await workflow.ProposeAsync(caller.Id, id, tabling);
        return proposed.Succeeded
            ? TypedResults.Created($"/api/documents/{id}/amendments/{proposed.Value.Id}", proposed.Value)
            : Problems.Refused(proposed.Refusal!, workflow.State, id);
    }

    private static Task<Results<Ok<AmendmentView>, ProblemHttpResult>> Withdraw(string documentId, string amendmentId, HttpContext context, LiveWorkflow workflow) =>
        DecideAsync(documentId, amendmentId, context, workflow, (actor, id, amendment) => workflow.WithdrawAsync(actor, id, amendment));

    private static Task<Results<Ok<AmendmentView>, ProblemHttpResult>> Reject(string documentId, string amendmentId, HttpContext context, LiveWorkflow workflow) =>
        DecideAsync(documentId, amendmentId, context, workflow, (actor, id, amendment) => workflow.RejectAsync(actor, id, amendment));

    private static async Task<Results<Ok<AcceptanceView>, ProblemHttpResult>> Accept(string documentId, string amendmentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem) || !Ids.TryAmendment(amendmentId, out var amendment, out problem))
        {
            return problem;
        }

        var caller = Callers.Of(context);
        if (LiveWorkflow.Check(workflow.State, caller.Id, NegotiationAction.Accept, id) is { } refusal)
        {
            return Problems.Refused(refusal, workflow.State, id);
        }

        var (request, bodyProblem) = await RequestBody.ReadAsync(context, optional: true, empty: new AcceptRequest(null));
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        Negotiation.Outcome<AcceptanceView> accepted;
        try
        {
            accepted = await workflow.AcceptAsync(caller.Id, id, amendment, request!.Alternative);
        }
        catch (DocumentNotStoredException exception)
        {
            return Problems.Unavailable(exception.Message);
        }
        return accepted.Succeeded ? TypedResults.Ok(accepted.Value) : Problems.Refused(accepted.Refusal!, workflow.State, id);
    }

    private static async Task<Results<Ok<AmendmentView>, ProblemHttpResult>> DecideAsync(
        string documentId,
        string amendmentId,
        HttpContext context,
        LiveWorkflow workflow,
        Func<Negotiation.Access.ParticipantId, DocumentId, AmendmentId, Task<Negotiation.Outcome<AmendmentView>>> decide)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem) || !Ids.TryAmendment(amendmentId, out var amendment, out problem))
        {
            return problem;
        }

        var decided = await decide(Callers.Of(context).Id, id, amendment);
        return decided.Succeeded ? TypedResults.Ok(decided.Value) : Problems.Refused(decided.Refusal!, workflow.State, id);
    }

    private static AmendmentTabling? Read(ProposeAmendmentRequest request)
    {
        if (Problem(request) is not null)
        {
            return null;
        }

        WireNames.TryParse<AmendmentKind>(request.Kind, out var kind);
        var proposerKind = request.Proposer is null ? ProposerKind.Delegation : WireNames.TryParse<ProposerKind>(request.Proposer, out var named) ? named : ProposerKind.Delegation;
        DelegationId? proposer = request.ProposedBy is null ? null : DelegationId.TryParse(request.ProposedBy, out var p) ? p : null;
        var coSponsors = (request.CoSponsors ?? []).Select(text => DelegationId.TryParse(text, out var d) ? d : default).ToList();
        return new AmendmentTabling(
            kind,
            request.Paragraph is null ? null : new ParagraphId(request.Paragraph),
            request.Range is { } range ? (range.Start, range.End) : null,
            request.Anchor is { Start: { } start, End: { } end } ? (Convert.FromBase64String(start), Convert.FromBase64String(end)) : null,
            request.OriginalText ?? string.Empty,
            request.ProposedTexts ?? [],
            proposer,
            coSponsors,
            request.Justification ?? string.Empty,
            proposerKind);
    }

    /// <summary>What is wrong with the request's fields, or null when they can be read.</summary>
    private static string? Problem(ProposeAmendmentRequest request)
    {
        if (!WireNames.TryParse<AmendmentKind>(request.Kind, out _))
        {
            return $"'{request.Kind}' is not a kind of amendment: use {WireNames.All<AmendmentKind>()}";
        }

        if (request.Paragraph is not null && !ParagraphId.IsValid(request.Paragraph))
        {
            return $"'{request.Paragraph}' is not a paragraph id (p-1, op-2, pp-3, or an explicit {{#id}}: letters, digits, - _ . :)";
        }

        if ((request.Range is null) == (request.Anchor is null))
        {
            return "give the span either as \"range\" (UTF-16 indexes of the live text) or as \"anchor\" (relative positions), not both";
        }

        if (request.Anchor is { } anchor && (!IsBase64(anchor.Start) || !IsBase64(anchor.End)))
        {
            return "\"anchor.start\" and \"anchor.end\" are base64 of yjs encodeRelativePosition";
        }

        if (request.Proposer is not null && !WireNames.TryParse<ProposerKind>(request.Proposer, out _))
        {
            return $"'{request.Proposer}' is not a proposer: use {WireNames.All<ProposerKind>()}";
        }

        if (request.ProposedBy is not null && WireNames.TryParse<ProposerKind>(request.Proposer, out var kindOfProposer) && kindOfProposer == ProposerKind.Chair)
        {
            return "a chair's proposal is proposed by no delegation: leave \"proposedBy\" out";
        }

        if (request.ProposedBy is not null && !DelegationId.TryParse(request.ProposedBy, out _))
        {
            return $"'{request.ProposedBy}' is not a delegation id (see GET /api/delegations)";
        }

        if (request.CoSponsors?.FirstOrDefault(text => !DelegationId.TryParse(text, out _)) is { } badSponsor)
        {
            return $"co-sponsor '{badSponsor}' is not a delegation id (see GET /api/delegations)";
        }

        if (request.ProposedTexts?.Any(text => text is null) == true)
        {
            return "a proposed text is null: use \"\" for none";
        }

        return null;
    }

    private static bool IsBase64(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written > 0;
    }
}
