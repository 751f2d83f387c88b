using System.Net;

namespace ArrSdk.RemoteRendering;

/// <summary>
/// An ARR request failed, or a session or conversion ended badly. Carries the HTTP status, the service's error object
/// (code, message, details) and the <c>MS-CV</c> to quote in a support request.
/// </summary>
public sealed class RemoteRenderingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status, if a response arrived.</param>
    /// <param name="serviceError">The service's error object, if it sent one.</param>
    /// <param name="correlationVector">The response's <c>MS-CV</c>.</param>
    /// <param name="innerException">The cause.</param>
    public RemoteRenderingException(string message, HttpStatusCode? statusCode, Error? serviceError, string? correlationVector, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServiceError = serviceError;
        CorrelationVector = correlationVector;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public RemoteRenderingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RemoteRenderingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no response arrived or a resource ended badly.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The service's error object: <see cref="Error.Code"/>, <see cref="Error.Message"/>, details, target.</summary>
    public Error? ServiceError { get; }

    /// <summary>The service's error code, e.g. <c>Conflict</c> or <c>InputAssetNotFound</c>.</summary>
    public string? ErrorCode => ServiceError?.Code;

    /// <summary>The <c>MS-CV</c> of the response.</summary>
    public string? CorrelationVector { get; }
}
