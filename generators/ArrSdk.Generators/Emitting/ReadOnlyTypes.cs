using System.Collections.Generic;
using ArrSdk.Generators.Model;

namespace ArrSdk.Generators.Emitting;

/// <summary>
/// Finds the types of a spec that the client only reads from the wire: reachable from a response body (through
/// properties, lists and maps) and not from any request body. Those are emitted for System.Text.Json's fast path; a type
/// callers also build and send keeps C# <c>required</c>, so a missing property is a compile error where it is written.
/// Only this spec's own types are followed; a type declared in another spec file counts as sent.
/// </summary>
internal static class ReadOnlyTypes
{
    public static HashSet<string> Of(SpecModel spec)
    {
        var read = Reachable(spec, fromResponses: true);
        read.ExceptWith(Reachable(spec, fromResponses: false));
        return read;
    }

    private static HashSet<string> Reachable(SpecModel spec, bool fromResponses)
    {
        var byReference = new Dictionary<string, TypeModel>();
        foreach (var type in spec.Types)
        {
            byReference[$"global::{spec.Namespace}.{type.Name}"] = type;
        }

        var reached = new HashSet<string>();
        var pending = new Stack<string>();
        foreach (var service in spec.Services)
        {
            foreach (var operation in service.Operations)
            {
                if (!fromResponses)
                {
                    if (operation.Body is not null)
                    {
                        Visit(operation.Body.Type.CSharpName);
                    }

                    continue;
                }

                foreach (var response in operation.Responses)
                {
                    if (response.BodyType is not null)
                    {
                        Visit(response.BodyType.CSharpName);
                    }
                }
            }
        }

        while (pending.Count > 0)
        {
            foreach (var property in byReference[pending.Pop()].Properties)
            {
                Visit(property.Type.CSharpName);
            }
        }

        return reached;

        // A C# type name such as global::System.Collections.Generic.IReadOnlyList<global::A.T> names every spec type it holds.
        void Visit(string csharpName)
        {
            foreach (var name in QualifiedNames(csharpName))
            {
                if (byReference.TryGetValue(name, out var type) && reached.Add(type.Name))
                {
                    pending.Push(name);
                }
            }
        }
    }

    private static IEnumerable<string> QualifiedNames(string csharpName)
    {
        var start = 0;
        for (var i = 0; i <= csharpName.Length; i++)
        {
            if (i == csharpName.Length || csharpName[i] is '<' or '>' or ',' or ' ' or '?' or '[' or ']')
            {
                if (i > start)
                {
                    yield return csharpName.Substring(start, i - start);
                }

                start = i + 1;
            }
        }
    }
}
