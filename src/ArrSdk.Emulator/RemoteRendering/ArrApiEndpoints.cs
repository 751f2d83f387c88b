using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>
/// The ARR REST API 2021-01-01 (mr-arr.json) as the service answers it: bearer tokens from this emulator's STS,
/// <c>api-version</c>, id rules, idempotent PUTs, 404 without body, 409/400/422 with an error body, paging by
/// <c>@nextLink</c>.
/// </summary>
internal static class ArrApiEndpoints
{
    public const string ApiVersion = "2021-01-01";

    public static void Map(IEndpointRouteBuilder routes, ArrApiState state)
    {
        routes.MapMethods("/accounts/{accountId}/sessions/{sessionId}", ["PUT"], context => Guarded(context, state, CreateSession));
        routes.MapMethods("/accounts/{accountId}/sessions/{sessionId}", ["GET"], context => Guarded(context, state, GetSession));
        routes.MapMethods("/accounts/{accountId}/sessions/{sessionId}", ["PATCH"], context => Guarded(context, state, UpdateSession));
        routes.MapMethods("/accounts/{accountId}/sessions/{sessionId}/:stop", ["POST"], context => Guarded(context, state, StopSession));
        routes.MapMethods("/accounts/{accountId}/sessions", ["GET"], context => Guarded(context, state, ListSessions));
        routes.MapMethods("/accounts/{accountId}/conversions/{conversionId}", ["PUT"], context => Guarded(context, state, CreateConversion));
        routes.MapMethods("/accounts/{accountId}/conversions/{conversionId}", ["GET"], context => Guarded(context, state, GetConversion));
        routes.MapMethods("/accounts/{accountId}/conversions", ["GET"], context => Guarded(context, state, ListConversions));
    }

    private static Task Guarded(HttpContext context, ArrApiState state, Func<HttpContext, ArrApiState, string, Task> handle)
    {
        var accountId = (string)context.Request.RouteValues["accountId"]!;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(context, "no bearer token");
        }

        var (tokenAccount, problem) = state.Issuer.Validate(authorization["Bearer ".Length..].Trim(), state.Now);
        if (problem is not null)
        {
            return Unauthorized(context, problem);
        }

        if (!string.Equals(tokenAccount, accountId, StringComparison.OrdinalIgnoreCase))
        {
            return ArrErrors.NoBody(context, StatusCodes.Status403Forbidden);
        }

        var version = context.Request.Query["api-version"].ToString();
        if (version != ApiVersion)
        {
            return ArrErrors.Write(context, StatusCodes.Status400BadRequest, "InvalidApiVersion", $"The query parameter 'api-version' must be '{ApiVersion}'.", "api-version");
        }

        return handle(context, state, accountId);
    }

    private static Task Unauthorized(HttpContext context, string problem)
    {
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{problem}\"";
        return ArrErrors.NoBody(context, StatusCodes.Status401Unauthorized);
    }

    private static async Task CreateSession(HttpContext context, ArrApiState state, string accountId)
    {
        var sessionId = (string)context.Request.RouteValues["sessionId"]!;
        if (!ResourceIds.IsValid(sessionId))
        {
            await InvalidId(context, "session").ConfigureAwait(false);
            return;
        }

        using var body = await ReadBody(context).ConfigureAwait(false);
        var root = body?.RootElement;
        if (root is not { ValueKind: JsonValueKind.Object } settings
            || !settings.TryGetProperty("maxLeaseTimeMinutes", out var leaseElement) || leaseElement.ValueKind != JsonValueKind.Number || !leaseElement.TryGetInt32(out var lease))
        {
            await ArrErrors.Write(context, 400, "BadRequest", "The body must be an object with an integer 'maxLeaseTimeMinutes' and a 'size'.", "maxLeaseTimeMinutes").ConfigureAwait(false);
            return;
        }

        if (lease is <= 0 or > 1440)
        {
            await ArrErrors.Write(context, 400, "BadRequest", "'maxLeaseTimeMinutes' must be between 1 and 1440.", "maxLeaseTimeMinutes").ConfigureAwait(false);
            return;
        }

        var size = settings.TryGetProperty("size", out var sizeElement) && sizeElement.ValueKind == JsonValueKind.String ? sizeElement.GetString() : null;
        if (size is not ("Standard" or "Premium"))
        {
            await ArrErrors.Write(context, 400, "BadRequest", "'size' must be 'Standard' or 'Premium'.", "size").ConfigureAwait(false);
            return;
        }

        var sessions = state.Sessions(accountId);
        var created = new EmulatedSession(sessionId, size, lease, state.Now, state.Options.SessionStartupTime, state.TakeSessionFailure(sessionId));
        var session = sessions.GetOrAdd(sessionId, created);
        if (!ReferenceEquals(session, created) && (session.Size != size || session.RequestedLeaseMinutes != lease))
        {
            await ArrErrors.Write(context, 409, "Conflict", "A resource already exists under the given ID.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = ReferenceEquals(session, created) ? 201 : 200;
        await WriteSession(context, session, state.Now).ConfigureAwait(false);
    }

    private static Task GetSession(HttpContext context, ArrApiState state, string accountId)
    {
        if (!state.Sessions(accountId).TryGetValue((string)context.Request.RouteValues["sessionId"]!, out var session))
        {
            return ArrErrors.NoBody(context, 404);
        }

        if (session.Status(state.Now) == "Starting")
        {
            context.Response.Headers.RetryAfter = RetryAfter(session.CreationTime + state.Options.SessionStartupTime - state.Now);
        }

        return WriteSession(context, session, state.Now);
    }

    private static async Task UpdateSession(HttpContext context, ArrApiState state, string accountId)
    {
        if (!state.Sessions(accountId).TryGetValue((string)context.Request.RouteValues["sessionId"]!, out var session))
        {
            await ArrErrors.NoBody(context, 404).ConfigureAwait(false);
            return;
        }

        using var body = await ReadBody(context).ConfigureAwait(false);
        if (body?.RootElement is not { ValueKind: JsonValueKind.Object } settings
            || !settings.TryGetProperty("maxLeaseTimeMinutes", out var leaseElement) || leaseElement.ValueKind != JsonValueKind.Number || !leaseElement.TryGetInt32(out var lease))
        {
            await ArrErrors.Write(context, 400, "BadRequest", "The body must be an object with an integer 'maxLeaseTimeMinutes'.", "maxLeaseTimeMinutes").ConfigureAwait(false);
            return;
        }

        var now = state.Now;
        if (!session.IsActive(now))
        {
            await ArrErrors.Write(context, 422, "UnprocessableEntity", $"The session is {session.Status(now)}; only a Starting or Ready session can be updated.").ConfigureAwait(false);
            return;
        }

        if (lease <= session.MaxLeaseTimeMinutes || lease > 1440)
        {
            await ArrErrors.Write(context, 422, "UnprocessableEntity", $"The new lease ({lease} minutes) must be longer than the current one ({session.MaxLeaseTimeMinutes} minutes) and at most 1440 minutes.", "maxLeaseTimeMinutes").ConfigureAwait(false);
            return;
        }

        session.Extend(lease);
        await WriteSession(context, session, now).ConfigureAwait(false);
    }

    private static Task StopSession(HttpContext context, ArrApiState state, string accountId)
    {
        if (!state.Sessions(accountId).TryGetValue((string)context.Request.RouteValues["sessionId"]!, out var session))
        {
            return ArrErrors.NoBody(context, 404);
        }

        session.Stop(state.Now);
        return ArrErrors.NoBody(context, 204);
    }

    private static Task ListSessions(HttpContext context, ArrApiState state, string accountId)
    {
        var now = state.Now;
        var active = state.Sessions(accountId).Values.Where(s => s.IsActive(now)).OrderBy(s => s.CreationTime).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        return WritePage(context, state, active, "sessions", (writer, session) => WriteSessionObject(writer, session, now));
    }

    private static async Task CreateConversion(HttpContext context, ArrApiState state, string accountId)
    {
        var conversionId = (string)context.Request.RouteValues["conversionId"]!;
        if (!ResourceIds.IsValid(conversionId))
        {
            await InvalidId(context, "conversion").ConfigureAwait(false);
            return;
        }

        using var body = await ReadBody(context).ConfigureAwait(false);
        if (body is null)
        {
            await ArrErrors.Write(context, 400, "BadRequest", "The body must be JSON.").ConfigureAwait(false);
            return;
        }

        var (request, problem) = ConversionRequest.Read(body.RootElement);
        if (request is null)
        {
            await ArrErrors.Write(context, 400, problem!.Code, problem.Message, problem.Target).ConfigureAwait(false);
            return;
        }

        var conversions = state.Conversions(accountId);
        var created = new EmulatedConversion(conversionId, request, state.Now, state.Options.ConversionQueueTime, state.Options.ConversionRunTime, state.CheckInput(request));
        var conversion = conversions.GetOrAdd(conversionId, created);
        if (!ReferenceEquals(conversion, created) && conversion.Request != request)
        {
            await ArrErrors.Write(context, 409, "Conflict", "A resource already exists under the given ID.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = ReferenceEquals(conversion, created) ? 201 : 200;
        await ArrErrors.WriteBody(context, writer => WriteConversionObject(writer, conversion, state.Now)).ConfigureAwait(false);
    }

    private static Task GetConversion(HttpContext context, ArrApiState state, string accountId)
    {
        if (!state.Conversions(accountId).TryGetValue((string)context.Request.RouteValues["conversionId"]!, out var conversion))
        {
            return ArrErrors.NoBody(context, 404);
        }

        var now = state.Now;
        var status = conversion.Status(now);
        if (status is "NotStarted" or "Running")
        {
            var nextChange = conversion.CreationTime + state.Options.ConversionQueueTime + (status == "Running" ? state.Options.ConversionRunTime : TimeSpan.Zero);
            context.Response.Headers.RetryAfter = RetryAfter(nextChange - now);
        }

        return ArrErrors.WriteBody(context, writer => WriteConversionObject(writer, conversion, now));
    }

    private static Task ListConversions(HttpContext context, ArrApiState state, string accountId)
    {
        var now = state.Now;
        var all = state.Conversions(accountId).Values.OrderBy(c => c.CreationTime).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return WritePage(context, state, all, "conversions", (writer, conversion) => WriteConversionObject(writer, conversion, now));
    }

    private static Task WritePage<T>(HttpContext context, ArrApiState state, List<T> all, string itemsName, Action<Utf8JsonWriter, T> writeItem)
    {
        var skip = int.TryParse(context.Request.Query["$skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Math.Max(0, parsed) : 0;
        var page = all.Skip(skip).Take(state.Options.PageSize).ToList();
        var next = skip + page.Count < all.Count
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}?api-version={ApiVersion}&$skip={skip + page.Count}"
            : null;
        return ArrErrors.WriteBody(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray(itemsName);
            foreach (var item in page)
            {
                writeItem(writer, item);
            }

            writer.WriteEndArray();
            if (next is not null)
            {
                writer.WriteString("@nextLink", next);
            }

            writer.WriteEndObject();
        });
    }

    private static Task WriteSession(HttpContext context, EmulatedSession session, DateTimeOffset now)
        => ArrErrors.WriteBody(context, writer => WriteSessionObject(writer, session, now));

    private static void WriteSessionObject(Utf8JsonWriter writer, EmulatedSession session, DateTimeOffset now)
    {
        var status = session.Status(now);
        writer.WriteStartObject();
        writer.WriteString("id", session.Id);
        writer.WriteString("creationTime", session.CreationTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));

        // While Starting the service has no VM yet: no host, ports, elapsed time or teraflops (CreateSession.json).
        if (status != "Starting")
        {
            writer.WriteNumber("arrInspectorPort", 50052);
            writer.WriteNumber("handshakePort", 50051);
            writer.WriteNumber("elapsedTimeMinutes", session.ElapsedMinutes(now));
            writer.WriteString("hostname", session.Hostname);
        }

        writer.WriteNumber("maxLeaseTimeMinutes", session.MaxLeaseTimeMinutes);
        writer.WriteString("size", session.Size);
        writer.WriteString("status", status);
        if (status != "Starting")
        {
            writer.WriteNumber("teraflops", session.Size == "Premium" ? 21.2 : 10.6);
        }

        writer.WritePropertyName("error");
        if (session.Error(now) is { } error)
        {
            ArrErrors.WriteError(writer, error);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    private static void WriteConversionObject(Utf8JsonWriter writer, EmulatedConversion conversion, DateTimeOffset now)
    {
        var status = conversion.Status(now);
        var request = conversion.Request;
        writer.WriteStartObject();
        writer.WriteString("id", conversion.Id);
        writer.WriteString("creationTime", conversion.CreationTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        writer.WriteStartObject("settings");
        writer.WriteStartObject("inputLocation");
        writer.WriteString("storageContainerUri", request.InputContainerUri);
        WriteOptional(writer, "blobPrefix", request.InputBlobPrefix);
        writer.WriteString("relativeInputAssetPath", request.RelativeInputAssetPath);
        writer.WriteEndObject();
        writer.WriteStartObject("outputLocation");
        writer.WriteString("storageContainerUri", request.OutputContainerUri);
        WriteOptional(writer, "blobPrefix", request.OutputBlobPrefix);
        WriteOptional(writer, "outputAssetFilename", request.OutputAssetFilename);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("status", status);
        writer.WritePropertyName("error");
        if (conversion.Error(now) is { } error)
        {
            ArrErrors.WriteError(writer, error);
        }
        else
        {
            writer.WriteNullValue();
        }

        if (status == "Succeeded")
        {
            writer.WriteStartObject("output");
            writer.WriteString("outputAssetUri", conversion.OutputAssetUri);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Whole seconds until the next state change, between 1 and 5, as a polite polling hint.</summary>
    private static string RetryAfter(TimeSpan untilChange)
        => Math.Clamp((int)Math.Ceiling(untilChange.TotalSeconds), 1, 5).ToString(CultureInfo.InvariantCulture);

    private static Task InvalidId(HttpContext context, string kind)
        => ArrErrors.Write(context, 400, "BadRequest", $"The {kind} id is invalid: it may contain only letters, digits, '-' and '_', and at most {ResourceIds.MaxLength} characters.", kind + "_id");

    private static async Task<JsonDocument?> ReadBody(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
