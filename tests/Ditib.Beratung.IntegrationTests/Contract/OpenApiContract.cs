using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Ditib.Beratung.IntegrationTests.Contract;

/// <summary>
/// Holds answers against the OpenAPI document: the operation exists, the status is declared for it, the media type
/// is declared for that status, and a JSON body is valid against the declared schema (JSON Schema 2020-12, as
/// OpenAPI 3.1 uses it, with the document's component schemas as <c>$defs</c>).
/// </summary>
public sealed class OpenApiContract
{
    private const string ComponentPrefix = "#/components/schemas/";
    private readonly JsonObject document;
    private readonly JsonNode definitions;
    private readonly List<(Regex Pattern, string Template, int Parameters)> paths;
    private readonly Dictionary<string, JsonSchema> built = new(StringComparer.Ordinal);

    public OpenApiContract(string json)
    {
        document = JsonNode.Parse(json)!.AsObject();
        definitions = JsonNode.Parse(document["components"]?["schemas"]?.ToJsonString().Replace(ComponentPrefix, "#/$defs/", StringComparison.Ordinal)
            ?? "{}")!;
        paths = document["paths"]!.AsObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"), p.Key, p.Key.Count(c => c == '{')))
            .OrderBy(p => p.Item3)
            .ToList();
    }

    /// <summary>Every operation of the document as "METHOD /template".</summary>
    public IEnumerable<string> Operations =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"));

    /// <summary>The operation an answer belongs to ("METHOD /template"), or null when the document has none.</summary>
    public string? OperationOf(RecordedAnswer answer)
    {
        var template = paths.FirstOrDefault(p => p.Pattern.IsMatch(answer.Path)).Template;
        return template is not null && document["paths"]![template]![answer.Method.ToLowerInvariant()] is not null
            ? $"{answer.Method} {template}"
            : null;
    }

    /// <summary>What is wrong with the answer, or nothing.</summary>
    public IEnumerable<string> Check(RecordedAnswer answer)
    {
        var operationName = OperationOf(answer);
        if (operationName is null)
        {
            yield return $"{answer.Method} {answer.Path}: no such operation in the document";
            yield break;
        }

        var template = operationName[(answer.Method.Length + 1)..];
        var responses = document["paths"]![template]![answer.Method.ToLowerInvariant()]!["responses"]!.AsObject();
        var declared = responses[answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (declared is null)
        {
            yield return $"{operationName}: answered {answer.Status}, which is not declared (declared: {string.Join(", ", responses.Select(r => r.Key))})";
            yield break;
        }

        var content = declared["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            if (answer.Body.Length > 0)
            {
                yield return $"{operationName} {answer.Status}: a body of type {answer.MediaType} where the document declares none";
            }

            yield break;
        }

        var media = content.FirstOrDefault(c => string.Equals(c.Key, answer.MediaType, StringComparison.OrdinalIgnoreCase)).Value;
        if (media is null)
        {
            yield return $"{operationName} {answer.Status}: media type {answer.MediaType ?? "(none)"}, declared: {string.Join(", ", content.Select(c => c.Key))}";
            yield break;
        }

        if (media["schema"] is not { } schema || answer.MediaType?.EndsWith("json", StringComparison.Ordinal) != true)
        {
            yield break;
        }

        foreach (var error in Validate(schema, answer.Body))
        {
            yield return $"{operationName} {answer.Status}: {error}";
        }
    }

    private IEnumerable<string> Validate(JsonNode schema, string body)
    {
        var text = schema.ToJsonString();
        if (!built.TryGetValue(text, out var validator))
        {
            var root = JsonNode.Parse(text.Replace(ComponentPrefix, "#/$defs/", StringComparison.Ordinal))!.AsObject();
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            root["$defs"] = definitions.DeepClone();
            validator = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                new Uri($"https://contract.invalid/schema/{built.Count}"));
            built[text] = validator;
        }

        using var instance = JsonDocument.Parse(body);
        var result = validator.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            yield break;
        }

        foreach (var detail in result.Details?.Where(d => d.Errors is { Count: > 0 }) ?? [])
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                yield return $"{detail.InstanceLocation} ({keyword}): {message}";
            }
        }
    }
}
