using Microsoft.AspNetCore.Mvc;

namespace IcpSearch.Gateway.Errors;

/// <summary>
/// Builds RFC 9457 problem responses with a stable <c>code</c> extension (and <c>field</c> for invalid input).
/// </summary>
public static class Problems
{
    /// <summary>Returns a problem result.</summary>
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Type = ProblemCodes.TypeOf(code), Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>Returns 400 naming the invalid field.</summary>
    public static ProblemHttpResult Invalid(string field, string detail)
        => Create(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is invalid.", detail, field);

    /// <summary>Returns 400 for text that breaks the text rule (encoding, control characters, length), naming the field.</summary>
    public static ProblemHttpResult InvalidText(string field, string detail)
        => Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidText, "The request holds text this API does not accept.", detail, field);

    /// <summary>Returns 404 for an unknown (or another tenant's) resource.</summary>
    public static ProblemHttpResult NotFound(string code, string detail)
        => Create(StatusCodes.Status404NotFound, code, "Not found.", detail);
}
