using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>Reads the typed ids in routes and bodies, with a clear problem for a malformed one.</summary>
public static class Ids
{
    /// <summary>Reads a document id.</summary>
    public static bool TryDocument(string? text, out DocumentId id, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = DocumentId.TryParse(text, out id) ? null : Problems.Invalid($"'{text}' is not a document id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301)");
        return problem is null;
    }

    /// <summary>Reads an amendment id.</summary>
    public static bool TryAmendment(string? text, out AmendmentId id, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = AmendmentId.TryParse(text, out id) ? null : Problems.Invalid($"'{text}' is not an amendment id (a GUID)");
        return problem is null;
    }

    /// <summary>Reads a participant id.</summary>
    public static bool TryParticipant(string? text, out ParticipantId id, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = ParticipantId.TryParse(text, out id) ? null : Problems.Invalid($"'{text}' is not a participant id (a GUID; see GET /api/participants)");
        return problem is null;
    }

    /// <summary>Reads a delegation id.</summary>
    public static bool TryDelegation(string? text, out DelegationId id, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = DelegationId.TryParse(text, out id) ? null : Problems.Invalid($"'{text}' is not a delegation id (a GUID; see GET /api/delegations)");
        return problem is null;
    }
}
