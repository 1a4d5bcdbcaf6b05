using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Json;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

internal sealed partial class SpecParser
{
    // Components: the names they claim and how a reference to one resolves.

    private sealed class ComponentInfo
    {
        public ComponentInfo(string name, JsonProperty property, string preferredName)
        {
            Name = name;
            Property = property;
            PreferredName = preferredName;
        }

        public string Name { get; }

        /// <summary>The C# name the component asks for (see <see cref="PreferredComponentNames"/>).</summary>
        public string PreferredName { get; }

        public JsonProperty Property { get; }

        public string? TypeName { get; set; }

        public TypeRef? Resolved { get; set; }

        public bool InProgress { get; set; }
    }

    private sealed class PendingType
    {
        public PendingType(TypeKind kind, string name, JsonObject node)
        {
            Kind = kind;
            Name = name;
            Node = node;
        }

        public TypeKind Kind { get; }

        public string Name { get; }

        public JsonObject Node { get; }
    }

    private IEnumerable<ComponentInfo> ComponentSchemas() => _componentOrder;

    /// <summary>Components that become generated types claim their C# names first, in document order.</summary>
    private void ReserveComponentNames()
    {
        var schemas = _root.GetObject("components")?.GetObject("schemas");
        if (schemas is null)
        {
            return;
        }

        var preferred = PreferredComponentNames(schemas);
        foreach (var property in schemas.Properties)
        {
            var info = new ComponentInfo(property.Name, property, preferred[property.Name]);
            if (_components.ContainsKey(property.Name))
            {
                continue;
            }

            _components[property.Name] = info;
            _componentOrder.Add(info);
            if (property.Value is JsonObject schema && ClassifyDeep(schema).Named is not null)
            {
                info.TypeName = ClaimTypeName(info.PreferredName, "Schema", property.Name, Span(property));
            }
        }
    }

    /// <summary>
    /// The C# name each component would like: its name in PascalCase, without a FastAPI
    /// module-path prefix when the short name is unique among all components
    /// (<c>app__api__public__v2__functions__CallFunctionRequest</c> → <c>CallFunctionRequest</c>).
    /// </summary>
    private static Dictionary<string, string> PreferredComponentNames(JsonObject schemas)
    {
        var full = new Dictionary<string, string>(StringComparer.Ordinal);
        var shortNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var uses = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in schemas.Properties)
        {
            if (full.ContainsKey(property.Name))
            {
                continue;
            }

            var pascal = Naming.ToPascal(property.Name);
            full[property.Name] = pascal;
            var stripped = Naming.WithoutModulePath(property.Name);
            var candidate = stripped is null ? pascal : Naming.ToPascal(stripped);
            shortNames[property.Name] = candidate;
            uses[candidate] = uses.TryGetValue(candidate, out var count) ? count + 1 : 1;
        }

        var preferred = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in full)
        {
            var candidate = shortNames[pair.Key];
            preferred[pair.Key] = candidate != pair.Value && uses[candidate] > 1 ? pair.Value : candidate;
        }

        return preferred;
    }

    private TypeRef ResolveComponent(string name)
    {
        var info = _components[name];
        if (info.Resolved is not null)
        {
            return info.Resolved;
        }

        if (info.Property.Value is not JsonObject schema)
        {
            // `true`/`false`/other: any JSON.
            return info.Resolved = TypeRef.Any();
        }

        if (info.TypeName is not null)
        {
            var (named, core, nullable) = ClassifyDeep(schema);
            var type = new TypeRef(named!.Value, nullable, info.TypeName);
            info.Resolved = type;
            _inlineTypes[core] = type.WithNullable(false);
            _pending.Enqueue(new PendingType(named.Value, info.TypeName, core));
            return type;
        }

        if (info.InProgress)
        {
            Report(DiagnosticDescriptors.Unsupported, Span(info.Property), $"The schema '{name}' refers to itself without an object in between", "it is typed as JToken");
            return TypeRef.Any();
        }

        info.InProgress = true;
        var resolved = Resolve(schema, info.PreferredName);
        info.InProgress = false;
        return info.Resolved = resolved;
    }
}
