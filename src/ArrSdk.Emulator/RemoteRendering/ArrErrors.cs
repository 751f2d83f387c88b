using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>Writes ARR error responses: <c>{"error": {"code", "message", "target"}}</c>, as mr-arr.json describes them.</summary>
internal static class ArrErrors
{
    public static Task Write(HttpContext context, int status, string code, string message, string? target = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return WriteBody(context, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("error");
            WriteError(writer, new ArrError(code, message, target));
            writer.WriteEndObject();
        });
    }

    public static Task NoBody(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static void WriteError(Utf8JsonWriter writer, ArrError error)
    {
        writer.WriteStartObject();
        writer.WriteString("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteStartArray("details");
        writer.WriteEndArray();
        if (error.Target is null)
        {
            writer.WriteNull("target");
        }
        else
        {
            writer.WriteString("target", error.Target);
        }

        writer.WriteNull("innerError");
        writer.WriteEndObject();
    }

    public static async Task WriteBody(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>An ARR error object.</summary>
internal sealed record ArrError(string Code, string Message, string? Target = null);
