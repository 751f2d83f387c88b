// The consumer whose build is measured (benchmarks/build-overhead/run.sh). It calls both generated clients (STS and
// ARR) through an in-memory handler, so Refit's and System.Text.Json's generated code is exercised, and with --api it
// prints this assembly's types and public members, so that the two variants (generator, checked-in sources) can be
// compared.
using System.Net;
using System.Reflection;
using System.Text;
using ArrSdk.RemoteRendering;
using ArrSdk.Sts;
using Refit;

if (args is ["--api"])
{
    foreach (var line in PublicApi.Describe(typeof(ISecureTokenService).Assembly))
    {
        Console.WriteLine(line);
    }

    return 0;
}

var account = "00000000-0000-4000-8000-00000000de00";
using var http = new HttpClient(new CannedHandler()) { BaseAddress = new Uri(SecureTokenService.DefaultBaseUrl) };

var sts = RestService.ForGenerated<ISecureTokenService>(http, StsJsonContext.Default);
using var token = await sts.GetTokenAsync(account, SecureTokenService.GetTokenAuthorization(account, "key"));
Console.WriteLine($"token: {token.StatusCode} {token.Content?.AccessToken}");

var arr = RestService.ForGenerated<IRemoteRenderingService>(http, RemoteRenderingJsonContext.Default);
using var created = await arr.CreateSessionAsync(account, "bench", new CreateSessionSettings { MaxLeaseTimeMinutes = 30, Size = SessionSize.Standard });
Console.WriteLine($"session: {created.StatusCode} {created.Content?.Id} {created.Content?.Status}");
await foreach (var session in arr.ListSessionsAllAsync(account))
{
    Console.WriteLine($"listed: {session.Id} {session.Size}");
}

return token.IsSuccessStatusCode && created.IsSuccessStatusCode ? 0 : 1;

/// <summary>Answers the three requests above with fixed JSON, so the program needs no network.</summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var json = path switch
        {
            _ when path.EndsWith("/token", StringComparison.Ordinal) => """{"AccessToken":"canned-token"}""",
            _ when request.Method == HttpMethod.Put => """{"id":"bench","size":"Standard","status":"Starting","maxLeaseTimeMinutes":30}""",
            _ => """{"sessions":[{"id":"bench","size":"Standard","status":"Ready"}]}""",
        };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}

/// <summary>One line per type (internal ones too: Refit's and STJ's generated code) and per public member, sorted.</summary>
internal static class PublicApi
{
    public static IEnumerable<string> Describe(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var lines = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            var bases = type.GetInterfaces().Select(static i => i.ToString()).Order(StringComparer.Ordinal);
            lines.Add($"{type.FullName}: {type.Attributes} : {type.BaseType} [{string.Join(", ", bases)}]");
            foreach (var attribute in type.GetCustomAttributesData())
            {
                lines.Add($"{type.FullName} @ {attribute}");
            }

            foreach (var member in type.GetMembers(Declared))
            {
                lines.Add($"{type.FullName} :: {member.MemberType} {member}{Details(member)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Details(MemberInfo member) => member switch
    {
        FieldInfo { IsLiteral: true } field => $" = {field.GetRawConstantValue()}",
        MethodInfo method => " (" + string.Join(", ", method.GetParameters().Select(static p => $"{p.ParameterType} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")} {string.Join(" ", p.GetCustomAttributesData())}")) + ")",
        PropertyInfo property => " " + string.Join(" ", property.GetCustomAttributesData()),
        _ => "",
    };
}

// run.sh rewrites the next line before every measured build, so that each build compiles a changed file.
// edit: 0
