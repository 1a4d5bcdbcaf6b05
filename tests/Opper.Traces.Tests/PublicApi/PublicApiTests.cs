using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Opper;

namespace Opper.Traces.Tests.PublicApi;

/// <summary>
/// The public surface of Opper.Traces (generated types included) is checked in as
/// <c>api/Opper.Traces.txt</c>, so that a change of the surface is a visible decision in review.
/// After an intended change, run the tests with <c>UPDATE_PUBLIC_API=1</c> to rewrite the file.
/// </summary>
public class PublicApiTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    [Test]
    public void PublicSurfaceMatchesTheCheckedInListing()
    {
        var actual = Describe(typeof(OpperClient).Assembly);
        var path = Path.Combine(RepositoryRoot(), "api", "Opper.Traces.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the tests with UPDATE_PUBLIC_API=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var added = actualLines.Except(expectedLines).Take(20);
            var removed = expectedLines.Except(actualLines).Take(20);
            Assert.Fail("The public API changed. If intended, run with UPDATE_PUBLIC_API=1.\nAdded:\n  "
                + string.Join("\n  ", added) + "\nRemoved:\n  " + string.Join("\n  ", removed));
        }
    }

    [Test]
    public void ListingNamesTheTypesOfApiMd()
    {
        var listing = Describe(typeof(OpperClient).Assembly);
        foreach (var name in new[]
                 {
                     "class Opper.OpperClient", "class Opper.OpperClientOptions", "class Opper.OpperApiException",
                     "class Opper.OpperNotFoundException", "class Opper.OpperSerializationException", "class Opper.SpanTree",
                     "class Opper.SpanNode", "class Opper.TraceSummary", "enum Opper.TraceProblemKind",
                     "class Opper.Models.GetTraceResponse", "class Opper.Models.SpanSchema",
                 })
        {
            Assert.That(listing, Does.Match("(?m)^(sealed |abstract |static )?" + System.Text.RegularExpressions.Regex.Escape(name) + "( |$)"), name);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OpperGenerated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }

    internal static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {TypeName(type, fullName: true)} : {string.Join(", ", Bases(type))}".TrimEnd(' ', ':'));
            var members = new List<string>();
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags))
            {
                var text = Member(member);
                if (text is not null)
                {
                    members.Add("  " + text);
                }
            }

            lines.AddRange(members.OrderBy(m => m, StringComparer.Ordinal));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum"
        : type.IsInterface ? "interface"
        : type.IsValueType ? (type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)) ? "readonly struct" : "struct")
        : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
        : (type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class");

    private static IEnumerable<string> Bases(Type type)
    {
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            yield return TypeName(baseType, fullName: true);
        }

        foreach (var contract in type.GetInterfaces().Select(i => TypeName(i, fullName: true)).OrderBy(n => n, StringComparer.Ordinal))
        {
            yield return contract;
        }
    }

    private static bool Visible(MethodBase? method) => method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string? Member(MemberInfo member)
    {
        switch (member)
        {
            case ConstructorInfo constructor when Visible(constructor):
                return $"{Access(constructor)} {(constructor.IsStatic ? "static " : string.Empty)}.ctor({Parameters(constructor)})";
            case MethodInfo method when Visible(method) && !method.IsSpecialName:
                return $"{Access(method)} {Modifiers(method)}{Type(Nullability.Create(method.ReturnParameter))} {method.Name}{Generic(method)}({Parameters(method)})";
            case MethodInfo method when Visible(method) && method.Name.StartsWith("op_", StringComparison.Ordinal):
                return $"{Access(method)} static {Type(Nullability.Create(method.ReturnParameter))} {method.Name}({Parameters(method)})";
            case PropertyInfo property when Visible(property.GetMethod) || Visible(property.SetMethod):
            {
                var accessors = (Visible(property.GetMethod) ? "get; " : string.Empty) + (Visible(property.SetMethod) ? "set; " : string.Empty);
                var index = property.GetIndexParameters().Length > 0 ? $"[{string.Join(", ", property.GetIndexParameters().Select(p => Type(Nullability.Create(p))))}]" : string.Empty;
                var accessor = (property.GetMethod ?? property.SetMethod)!;
                return $"{Access(accessor)} {Modifiers(accessor)}{Type(Nullability.Create(property))} {property.Name}{index} {{ {accessors}}}";
            }

            case FieldInfo field when field.IsPublic || field.IsFamily:
                if (field.DeclaringType!.IsEnum)
                {
                    return field.IsStatic ? $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : null;
                }

                return $"{(field.IsPublic ? "public" : "protected")} {(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}{Type(Nullability.Create(field))} {field.Name}";
            case EventInfo @event when Visible(@event.AddMethod):
                return $"{Access(@event.AddMethod!)} event {TypeName(@event.EventHandlerType!, fullName: true)} {@event.Name}";
            default:
                return null;
        }
    }

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        if (method.IsAbstract)
        {
            return "abstract ";
        }

        if (method.IsVirtual && !method.IsFinal)
        {
            return method.GetBaseDefinition() == method ? "virtual " : "override ";
        }

        return method.IsVirtual && method.GetBaseDefinition() != method ? "override " : string.Empty;
    }

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
    {
        var prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty;
        var defaultValue = p.HasDefaultValue ? " = " + (p.DefaultValue is null ? "null" : p.DefaultValue is string s ? "\"" + s + "\"" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : string.Empty;
        return $"{prefix}{Type(Nullability.Create(p))} {p.Name}{defaultValue}";
    }));

    private static string Type(NullabilityInfo info)
    {
        var type = info.Type;
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
        }

        string name;
        if (type.IsGenericType && !type.IsGenericTypeDefinition && Nullable.GetUnderlyingType(type) is null)
        {
            var definition = TypeName(type.GetGenericTypeDefinition(), fullName: true);
            definition = definition.Substring(0, definition.IndexOf('<', StringComparison.Ordinal));
            var arguments = info.GenericTypeArguments.Length == type.GetGenericArguments().Length
                ? info.GenericTypeArguments.Select(Type)
                : type.GetGenericArguments().Select(a => TypeName(a, fullName: true));
            name = definition + "<" + string.Join(", ", arguments) + ">";
        }
        else if (type.IsArray && info.ElementType is { } element)
        {
            name = Type(element) + "[]";
        }
        else
        {
            name = TypeName(type, fullName: true);
        }

        return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string TypeName(Type type, bool fullName)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, fullName) + "?";
        }

        var keyword = type.FullName switch
        {
            "System.String" => "string",
            "System.Int32" => "int",
            "System.Int64" => "long",
            "System.Double" => "double",
            "System.Decimal" => "decimal",
            "System.Boolean" => "bool",
            "System.Object" => "object",
            "System.Void" => "void",
            "System.Byte" => "byte",
            _ => null,
        };
        if (keyword is not null)
        {
            return keyword;
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, fullName) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = fullName ? (type.IsNested ? TypeName(type.DeclaringType!, true) + "." + type.Name : type.Namespace + "." + type.Name) : type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name.Substring(0, tick);
        }

        if (type.IsGenericType)
        {
            name += "<" + string.Join(", ", type.GetGenericArguments().Select(a => TypeName(a, fullName))) + ">";
        }

        return name;
    }
}
