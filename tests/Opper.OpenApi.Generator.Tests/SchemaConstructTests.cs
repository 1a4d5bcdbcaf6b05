using System;
using System.Collections;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.OpenApi.Generator.Tests.Infrastructure;
using static Opper.OpenApi.Generator.Tests.Infrastructure.SpecBuilder;

namespace Opper.OpenApi.Generator.Tests;

/// <summary>One small spec per schema construct: what C# it becomes, and that it reads and writes JSON.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class SchemaConstructTests
{
    [Test]
    public void Ref_to_a_component_is_that_type()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Pet": { "type": "object", "properties": { "owner": { "$ref": "#/components/schemas/Owner" } } },
              "Owner": { "type": "object", "properties": { "name": { "type": "string" } } }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Pet", "Owner"), Is.EqualTo("Owner?"));
        var pet = Reflect.Deserialize(result.Type("Acme.Models.Pet"), """{"owner":{"name":"Ann"}}""");
        Assert.That(Reflect.Get(Reflect.Get(pet, "Owner")!, "Name"), Is.EqualTo("Ann"));
    }

    [Test]
    public void Required_properties_are_not_nullable_and_must_be_present()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Pet": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                  "id": { "type": "integer" },
                  "name": { "type": "string" },
                  "tag": { "type": "string" }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyNames("Acme.Models.Pet"), Is.EqualTo(new[] { "Id", "Name", "Tag" }));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Id"), Is.EqualTo("long"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Name"), Is.EqualTo("string"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Tag"), Is.EqualTo("string?"));

        var type = result.Type("Acme.Models.Pet");
        var pet = Reflect.Deserialize(type, """{"id":1,"name":"Rex"}""");
        Assert.That(Reflect.Get(pet, "Tag"), Is.Null);
        Reflect.AssertSameJson(Reflect.Serialize(pet), """{"id":1,"name":"Rex"}""");

        var missing = Assert.Throws<JsonSerializationException>(() => Reflect.Deserialize(type, """{"id":1}"""));
        Assert.That(missing!.Message, Does.Contain("name"));
    }

    [Test]
    public void Arrays_are_lists_of_their_items()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Grid": {
                "type": "object",
                "required": ["rows"],
                "properties": {
                  "rows": { "type": "array", "items": { "type": "array", "items": { "type": "integer", "format": "int32" } } },
                  "labels": { "type": "array", "items": { "type": "string" } },
                  "cells": { "type": "array", "items": { "$ref": "#/components/schemas/Cell" } },
                  "anything": { "type": "array" }
                }
              },
              "Cell": { "type": "object", "properties": { "v": { "type": "number" } } },
              "Names": { "type": "array", "items": { "type": "string" } }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Grid", "Rows"), Is.EqualTo("IList<IList<int>>"));
        Assert.That(result.PropertyType("Acme.Models.Grid", "Labels"), Is.EqualTo("IList<string>?"));
        Assert.That(result.PropertyType("Acme.Models.Grid", "Cells"), Is.EqualTo("IList<Cell>?"));
        Assert.That(result.PropertyType("Acme.Models.Grid", "Anything"), Is.EqualTo("IList<JToken?>?"));

        const string json = """{"rows":[[1,2],[3]],"labels":["a"],"cells":[{"v":1.5}],"anything":[1,"x",null,{"k":[]}]}""";
        var grid = Reflect.Deserialize(result.Type("Acme.Models.Grid"), json);
        Assert.That(((IList)Reflect.Get(grid, "Rows")!).Count, Is.EqualTo(2));
        Reflect.AssertSameJson(Reflect.Serialize(grid), json);
    }

    [TestCase("3.0.3", """{ "type": "string", "nullable": true }""", TestName = "Nullable_3_0_nullable_true")]
    [TestCase("3.1.0", """{ "anyOf": [ { "type": "string" }, { "type": "null" } ] }""", TestName = "Nullable_3_1_anyOf_with_null")]
    [TestCase("3.1.0", """{ "oneOf": [ { "type": "null" }, { "type": "string" } ] }""", TestName = "Nullable_3_1_oneOf_with_null")]
    [TestCase("3.1.0", """{ "type": ["string", "null"] }""", TestName = "Nullable_3_1_type_array")]
    public void Nullable_in_every_spelling_is_a_nullable_required_property(string version, string schema)
    {
        var result = GeneratorHarness.Run(Document($$"""
            {
              "Thing": {
                "type": "object",
                "required": ["label", "count"],
                "properties": {
                  "label": {{schema}},
                  "count": {{schema.Replace("\"string\"", "\"integer\"", StringComparison.Ordinal)}}
                }
              }
            }
            """, version: version)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Thing", "Label"), Is.EqualTo("string?"));
        Assert.That(result.PropertyType("Acme.Models.Thing", "Count"), Is.EqualTo("long?"));

        // Required and nullable: null is a valid value and is written back as null.
        var thing = Reflect.Deserialize(result.Type("Acme.Models.Thing"), """{"label":null,"count":null}""");
        Assert.That(Reflect.Get(thing, "Label"), Is.Null);
        Reflect.AssertSameJson(Reflect.Serialize(thing), """{"label":null,"count":null}""");
    }

    [Test]
    public void Nullable_references_in_every_spelling()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Holder": {
                "type": "object",
                "required": ["a", "b", "c"],
                "properties": {
                  "a": { "anyOf": [ { "$ref": "#/components/schemas/Item" }, { "type": "null" } ] },
                  "b": { "allOf": [ { "$ref": "#/components/schemas/Item" } ], "nullable": true },
                  "c": { "oneOf": [ { "$ref": "#/components/schemas/Item" }, { "type": "null" } ] },
                  "d": { "$ref": "#/components/schemas/Item" }
                }
              },
              "Item": { "type": "object", "properties": { "x": { "type": "integer" } } }
            }
            """)).AssertClean();

        foreach (var property in new[] { "A", "B", "C", "D" })
        {
            Assert.That(result.PropertyType("Acme.Models.Holder", property), Is.EqualTo("Item?"), property);
        }
    }

    [Test]
    public void String_formats_map_to_their_types_and_dates_keep_their_form()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Event": {
                "type": "object",
                "required": ["at", "day", "id"],
                "properties": {
                  "at": { "type": "string", "format": "date-time" },
                  "day": { "type": "string", "format": "date" },
                  "id": { "type": "string", "format": "uuid" },
                  "email": { "type": "string", "format": "email" },
                  "blob": { "type": "string", "format": "byte" }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Event", "At"), Is.EqualTo("DateTimeOffset"));
        Assert.That(result.PropertyType("Acme.Models.Event", "Day"), Is.EqualTo("DateTime"));
        Assert.That(result.PropertyType("Acme.Models.Event", "Id"), Is.EqualTo("string"), "ids stay strings");
        Assert.That(result.PropertyType("Acme.Models.Event", "Email"), Is.EqualTo("string?"));
        Assert.That(result.PropertyType("Acme.Models.Event", "Blob"), Is.EqualTo("string?"));

        const string json = """{"at":"2024-11-07T05:31:56.123+02:00","day":"2024-02-29","id":"7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37"}""";
        var value = Reflect.Deserialize(result.Type("Acme.Models.Event"), json);
        Assert.That(Reflect.Get(value, "At"), Is.EqualTo(new DateTimeOffset(2024, 11, 7, 5, 31, 56, 123, TimeSpan.FromHours(2))));
        Assert.That(Reflect.Get(value, "Day"), Is.EqualTo(new DateTime(2024, 2, 29)));
        var written = Reflect.Parse(Reflect.Serialize(value));
        Assert.That(written.Value<string>("day"), Is.EqualTo("2024-02-29"));
        Assert.That(written.Value<string>("id"), Is.EqualTo("7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37"));
        Assert.That(DateTimeOffset.Parse(written.Value<string>("at")!, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Reflect.Get(value, "At")));
    }

    [Test]
    public void Numbers_and_booleans_map_to_their_types()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Numbers": {
                "type": "object",
                "required": ["i", "i32", "i64", "n", "f", "d", "b"],
                "properties": {
                  "i": { "type": "integer" },
                  "i32": { "type": "integer", "format": "int32" },
                  "i64": { "type": "integer", "format": "int64" },
                  "n": { "type": "number" },
                  "f": { "type": "number", "format": "float" },
                  "d": { "type": "number", "format": "double" },
                  "b": { "type": "boolean" },
                  "optional": { "type": "integer", "format": "int32" }
                }
              }
            }
            """)).AssertClean();

        const string type = "Acme.Models.Numbers";
        Assert.That(result.PropertyType(type, "I"), Is.EqualTo("long"));
        Assert.That(result.PropertyType(type, "I32"), Is.EqualTo("int"));
        Assert.That(result.PropertyType(type, "I64"), Is.EqualTo("long"));
        Assert.That(result.PropertyType(type, "N"), Is.EqualTo("double"));
        Assert.That(result.PropertyType(type, "F"), Is.EqualTo("double"));
        Assert.That(result.PropertyType(type, "D"), Is.EqualTo("double"));
        Assert.That(result.PropertyType(type, "B"), Is.EqualTo("bool"));
        Assert.That(result.PropertyType(type, "Optional"), Is.EqualTo("int?"));

        // Numbers of a `number` property are written with a fraction (2.0), as Newtonsoft and the
        // Python servers that typically sit behind such specs write floats; the value is the same.
        const string json = """{"i":9007199254740993,"i32":-5,"i64":1,"n":0.1,"f":2.0,"d":1e300,"b":true}""";
        var value = Reflect.Deserialize(result.Type(type), json);
        Assert.That(Reflect.Get(value, "I"), Is.EqualTo(9007199254740993L));
        Assert.That(Reflect.Get(value, "N"), Is.EqualTo(0.1));
        Assert.That(Reflect.Get(value, "F"), Is.EqualTo(2.0));
        Reflect.AssertSameJson(Reflect.Serialize(value), json);
    }

    [Test]
    public void String_enums_are_extensible_and_keep_unknown_values()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Pet": {
                "type": "object",
                "required": ["status"],
                "properties": {
                  "status": { "$ref": "#/components/schemas/PetStatus" },
                  "statuses": { "type": "array", "items": { "$ref": "#/components/schemas/PetStatus" } }
                }
              },
              "PetStatus": { "type": "string", "enum": ["available", "pending", "sold"], "description": "Where the pet is." }
            }
            """)).AssertClean();

        var enumType = result.Type("Acme.Models.PetStatus");
        Assert.That(enumType.IsValueType, Is.True);
        Assert.That(result.PropertyType("Acme.Models.Pet", "Status"), Is.EqualTo("PetStatus"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Statuses"), Is.EqualTo("IList<PetStatus>?"));
        Assert.That(((IEnumerable)Reflect.Static(enumType, "KnownValues")!).Cast<object>().Select(v => v.ToString()), Is.EqualTo(new[] { "available", "pending", "sold" }));

        // A value that a newer server added: read without an exception, not "known", written back as is.
        const string json = """{"status":"adopted","statuses":["sold","adopted"]}""";
        var pet = Reflect.Deserialize(result.Type("Acme.Models.Pet"), json);
        var status = Reflect.Get(pet, "Status")!;
        Assert.That(status.ToString(), Is.EqualTo("adopted"));
        Assert.That(Reflect.Get(status, "IsKnown"), Is.EqualTo(false));
        Reflect.AssertSameJson(Reflect.Serialize(pet), json);

        // Known values compare equal to the static members.
        var sold = Reflect.Deserialize(result.Type("Acme.Models.Pet"), """{"status":"sold"}""");
        Assert.That(Reflect.Get(sold, "Status"), Is.EqualTo(Reflect.Static(enumType, "Sold")));
        Assert.That(Reflect.Get(Reflect.Get(sold, "Status")!, "IsKnown"), Is.EqualTo(true));

        // The enum on its own, through JsonConvert.
        var direct = JsonConvert.DeserializeObject("\"brand-new\"", enumType)!;
        Assert.That(JsonConvert.SerializeObject(direct), Is.EqualTo("\"brand-new\""));
    }

    [Test]
    public void Additional_properties_become_dictionaries()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Bag": {
                "type": "object",
                "properties": {
                  "counts": { "type": "object", "additionalProperties": { "type": "integer" } },
                  "labels": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Label" } },
                  "free": { "type": "object", "additionalProperties": true },
                  "open": { "type": "object" }
                }
              },
              "Label": { "type": "object", "properties": { "text": { "type": "string" } } },
              "Scores": {
                "type": "object",
                "properties": { "name": { "type": "string" } },
                "additionalProperties": { "type": "number" }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Bag", "Counts"), Is.EqualTo("IDictionary<string, long>?"));
        Assert.That(result.PropertyType("Acme.Models.Bag", "Labels"), Is.EqualTo("IDictionary<string, Label>?"));
        Assert.That(result.PropertyType("Acme.Models.Bag", "Free"), Is.EqualTo("JObject?"));
        Assert.That(result.PropertyType("Acme.Models.Bag", "Open"), Is.EqualTo("JObject?"));
        Assert.That(result.PropertyType("Acme.Models.Scores", "AdditionalProperties"), Is.EqualTo("IDictionary<string, double>"));

        const string bagJson = """{"counts":{"a":1,"b":2},"labels":{"x":{"text":"hi"}},"free":{"when":"2024-01-01T00:00:00Z","n":[1]}}""";
        var bag = Reflect.Deserialize(result.Type("Acme.Models.Bag"), bagJson);
        Assert.That(((IDictionary)Reflect.Get(bag, "Counts")!)["b"], Is.EqualTo(2L));
        Assert.That(Reflect.Serialize(bag), Does.Contain("\"when\":\"2024-01-01T00:00:00Z\""), "free-form JSON keeps strings that look like dates");
        Reflect.AssertSameJson(Reflect.Serialize(bag), bagJson);

        const string scoresJson = """{"name":"n","math":9.5,"art":7.0}""";
        var scores = Reflect.Deserialize(result.Type("Acme.Models.Scores"), scoresJson);
        Assert.That(((IDictionary)Reflect.Get(scores, "AdditionalProperties")!)["math"], Is.EqualTo(9.5));
        Reflect.AssertSameJson(Reflect.Serialize(scores), scoresJson);
    }

    [Test]
    public void Free_form_values_are_tokens_kept_as_sent()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Envelope": {
                "type": "object",
                "required": ["payload"],
                "properties": {
                  "payload": {},
                  "untyped": { "description": "no type at all" },
                  "anything": true
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Envelope", "Payload"), Is.EqualTo("JToken?"));
        Assert.That(result.PropertyType("Acme.Models.Envelope", "Untyped"), Is.EqualTo("JToken?"));
        Assert.That(result.PropertyType("Acme.Models.Envelope", "Anything"), Is.EqualTo("JToken?"));

        foreach (var payload in new[] { "\"2024-01-01T00:00:00.000Z\"", "\"2024-01-01\"", "12345678901234567890123", "-0.5", "[1,{\"a\":null}]", "null", "{\"nested\":{\"deep\":true,\"at\":\"2024-01-01T00:00:00+01:00\"}}" })
        {
            var json = $$"""{"payload":{{payload}},"untyped":"x"}""";
            var envelope = Reflect.Deserialize(result.Type("Acme.Models.Envelope"), json);
            Assert.That(Reflect.Serialize(envelope), Is.EqualTo(json), payload);
        }
    }

    [Test]
    public void AllOf_with_one_ref_is_the_referenced_type()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Order": {
                "type": "object",
                "properties": {
                  "address": { "allOf": [ { "$ref": "#/components/schemas/Address" } ], "description": "Where to ship." }
                }
              },
              "Address": { "type": "object", "properties": { "city": { "type": "string" } } }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Order", "Address"), Is.EqualTo("Address?"));
        Assert.That(result.GeneratedTypeNames(), Has.None.StartsWith("OrderAddress"));
    }

    [Test]
    public void AllOf_of_several_objects_merges_their_properties()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Base": {
                "type": "object",
                "required": ["id"],
                "properties": { "id": { "type": "string" }, "kind": { "type": "string" } }
              },
              "Timestamps": {
                "type": "object",
                "properties": { "created": { "type": "string", "format": "date-time" } }
              },
              "Dog": {
                "allOf": [
                  { "$ref": "#/components/schemas/Base" },
                  { "$ref": "#/components/schemas/Timestamps" },
                  { "type": "object", "required": ["bark"], "properties": { "bark": { "type": "boolean" }, "kind": { "type": "string", "enum": ["dog"] } } }
                ]
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyNames("Acme.Models.Dog"), Is.EqualTo(new[] { "Id", "Kind", "Created", "Bark" }));
        Assert.That(result.PropertyType("Acme.Models.Dog", "Id"), Is.EqualTo("string"));
        Assert.That(result.PropertyType("Acme.Models.Dog", "Bark"), Is.EqualTo("bool"));
        Assert.That(result.PropertyType("Acme.Models.Dog", "Kind"), Is.EqualTo("DogKind?"), "a later part's definition wins");

        const string json = """{"id":"d1","kind":"dog","created":"2024-01-01T00:00:00+00:00","bark":true}""";
        var dog = Reflect.Deserialize(result.Type("Acme.Models.Dog"), json);
        Reflect.AssertSameJson(Reflect.Serialize(dog), json, timestampsAsInstants: true);
    }

    [Test]
    public void OneOf_of_several_types_is_a_union_that_keeps_the_json()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Cat": { "type": "object", "required": ["meow"], "properties": { "meow": { "type": "string" } } },
              "Dog": { "type": "object", "required": ["bark"], "properties": { "bark": { "type": "boolean" } } },
              "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ] },
              "Value": { "anyOf": [ { "type": "string" }, { "type": "integer" }, { "type": "array", "items": { "type": "string" } }, { "type": "null" } ] },
              "Holder": {
                "type": "object",
                "properties": {
                  "pet": { "$ref": "#/components/schemas/Pet" },
                  "value": { "$ref": "#/components/schemas/Value" }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Holder", "Pet"), Is.EqualTo("Pet?"));
        Assert.That(result.PropertyType("Acme.Models.Holder", "Value"), Is.EqualTo("Value?"));
        Assert.That(result.ReturnType("Acme.Models.Pet", "AsCat"), Is.EqualTo("Cat?"));
        Assert.That(result.ReturnType("Acme.Models.Value", "AsInt64"), Is.EqualTo("long?"));

        const string json = """{"pet":{"bark":true,"extra":1},"value":42}""";
        var holder = Reflect.Deserialize(result.Type("Acme.Models.Holder"), json);
        var pet = Reflect.Get(holder, "Pet")!;
        Assert.That(Reflect.Get(pet, "IsDog"), Is.EqualTo(true));
        Assert.That(Reflect.Get(pet, "IsCat"), Is.EqualTo(false), "a Cat requires meow");
        Assert.That(Reflect.Call(pet, "AsCat"), Is.Null);
        Assert.That(Reflect.Get(Reflect.Call(pet, "AsDog")!, "Bark"), Is.EqualTo(true));
        var value = Reflect.Get(holder, "Value")!;
        Assert.That(Reflect.Get(value, "IsInt64"), Is.EqualTo(true));
        Assert.That(Reflect.Get(value, "IsString"), Is.EqualTo(false));
        Assert.That(Reflect.Call(value, "AsInt64"), Is.EqualTo(42L));
        Assert.That(Reflect.Call(value, "AsString"), Is.Null);
        Reflect.AssertSameJson(Reflect.Serialize(holder), json);

        // Built from a typed value.
        var valueType = result.Type("Acme.Models.Value");
        var fromString = Reflect.CallStatic(valueType, "FromString", "hello")!;
        Assert.That(Reflect.Serialize(fromString), Is.EqualTo("\"hello\""));
        var list = Reflect.Deserialize(valueType, """["a","b"]""");
        Assert.That(Reflect.Call(list, "AsList"), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Defaults_initialise_properties_without_marking_them_set()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Settings": {
                "type": "object",
                "properties": {
                  "name": { "type": "string", "default": "unnamed \"x\"" },
                  "retries": { "type": "integer", "default": 3 },
                  "small": { "type": "integer", "format": "int32", "default": -7 },
                  "ratio": { "type": "number", "default": 0.5 },
                  "whole": { "type": "number", "default": 2 },
                  "enabled": { "type": "boolean", "default": true },
                  "mode": { "type": "string", "enum": ["fast", "slow"], "default": "slow" },
                  "tags": { "type": "array", "items": { "type": "string" }, "default": [] },
                  "nothing": { "type": "string", "default": null },
                  "mismatch": { "type": "integer", "default": "three" }
                }
              }
            }
            """)).AssertClean();

        var settings = Activator.CreateInstance(result.Type("Acme.Models.Settings"))!;
        Assert.That(Reflect.Get(settings, "Name"), Is.EqualTo("unnamed \"x\""));
        Assert.That(Reflect.Get(settings, "Retries"), Is.EqualTo(3L));
        Assert.That(Reflect.Get(settings, "Small"), Is.EqualTo(-7));
        Assert.That(Reflect.Get(settings, "Ratio"), Is.EqualTo(0.5));
        Assert.That(Reflect.Get(settings, "Whole"), Is.EqualTo(2.0));
        Assert.That(Reflect.Get(settings, "Enabled"), Is.EqualTo(true));
        Assert.That(Reflect.Get(settings, "Mode")!.ToString(), Is.EqualTo("slow"));
        Assert.That(Reflect.Get(settings, "Nothing"), Is.Null);
        Assert.That(Reflect.Get(settings, "Mismatch"), Is.Null, "a default of the wrong type is ignored");
        Assert.That(result.PropertyType("Acme.Models.Settings", "Enabled"), Is.EqualTo("bool"));
        Assert.That(result.PropertyType("Acme.Models.Settings", "Mismatch"), Is.EqualTo("long?"));

        // Defaults are not sent: only what the caller set.
        Assert.That(Reflect.Serialize(settings), Is.EqualTo("{}"));
        Reflect.Set(settings, "Retries", 5L);
        Assert.That(Reflect.Serialize(settings), Is.EqualTo("""{"retries":5}"""));
    }

    [Test]
    public void Inline_schemas_are_named_after_where_they_are()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Pet": {
                "type": "object",
                "properties": {
                  "owner": { "type": "object", "properties": { "name": { "type": "string" } } },
                  "status": { "type": "string", "enum": ["available", "sold"] },
                  "toys": { "type": "array", "items": { "type": "object", "properties": { "kind": { "type": "string" } } } },
                  "vet": { "anyOf": [ { "type": "object", "properties": { "clinic": { "type": "string" } } }, { "type": "null" } ] }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.Pet", "Owner"), Is.EqualTo("PetOwner?"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Status"), Is.EqualTo("PetStatus?"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Toys"), Is.EqualTo("IList<PetToysItem>?"));
        Assert.That(result.PropertyType("Acme.Models.Pet", "Vet"), Is.EqualTo("PetVet?"));

        const string json = """{"owner":{"name":"A"},"status":"sold","toys":[{"kind":"ball"}],"vet":{"clinic":"C"}}""";
        var pet = Reflect.Deserialize(result.Type("Acme.Models.Pet"), json);
        Reflect.AssertSameJson(Reflect.Serialize(pet), json);
    }

    [Test]
    public void Recursive_and_mutually_recursive_types()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "TreeNode": {
                "type": "object",
                "required": ["value"],
                "properties": {
                  "value": { "type": "string" },
                  "parent": { "$ref": "#/components/schemas/TreeNode" },
                  "children": { "type": "array", "items": { "$ref": "#/components/schemas/TreeNode" } }
                }
              },
              "Author": {
                "type": "object",
                "properties": { "books": { "type": "array", "items": { "$ref": "#/components/schemas/Book" } } }
              },
              "Book": {
                "type": "object",
                "properties": { "author": { "$ref": "#/components/schemas/Author" } }
              },
              "Expression": {
                "anyOf": [
                  { "type": "number" },
                  { "type": "object", "required": ["op", "args"], "properties": { "op": { "type": "string" }, "args": { "type": "array", "items": { "$ref": "#/components/schemas/Expression" } } } }
                ]
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.TreeNode", "Children"), Is.EqualTo("IList<TreeNode>?"));
        Assert.That(result.PropertyType("Acme.Models.TreeNode", "Parent"), Is.EqualTo("TreeNode?"));
        Assert.That(result.PropertyType("Acme.Models.Author", "Books"), Is.EqualTo("IList<Book>?"));
        Assert.That(result.PropertyType("Acme.Models.Book", "Author"), Is.EqualTo("Author?"));

        const string tree = """{"value":"root","children":[{"value":"a","children":[{"value":"a1"}]},{"value":"b"}]}""";
        var node = Reflect.Deserialize(result.Type("Acme.Models.TreeNode"), tree);
        Reflect.AssertSameJson(Reflect.Serialize(node), tree);

        const string book = """{"author":{"books":[{"author":{"books":[]}}]}}""";
        Reflect.AssertSameJson(Reflect.Serialize(Reflect.Deserialize(result.Type("Acme.Models.Book"), book)), book);

        var expression = Reflect.Deserialize(result.Type("Acme.Models.Expression"), """{"op":"+","args":[1,{"op":"-","args":[2]}]}""");
        Assert.That(Reflect.Get(expression, "IsDouble"), Is.EqualTo(false));
        var operation = Reflect.Call(expression, "AsExpressionOption2")!;
        Assert.That(Reflect.Get(operation, "Op"), Is.EqualTo("+"));
    }

    [Test]
    public void Deep_ref_chains_resolve_to_the_final_type()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "A": { "$ref": "#/components/schemas/B" },
              "B": { "$ref": "#/components/schemas/C" },
              "C": { "$ref": "#/components/schemas/D" },
              "D": { "type": "object", "properties": { "leaf": { "$ref": "#/components/schemas/LeafId" } } },
              "LeafId": { "$ref": "#/components/schemas/Id" },
              "Id": { "type": "string", "format": "uuid" },
              "UsesA": {
                "type": "object",
                "properties": {
                  "a": { "$ref": "#/components/schemas/A" },
                  "leafOfD": { "$ref": "#/components/schemas/D/properties/leaf" }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.UsesA", "A"), Is.EqualTo("D?"));
        Assert.That(result.PropertyType("Acme.Models.UsesA", "LeafOfD"), Is.EqualTo("string?"));
        Assert.That(result.PropertyType("Acme.Models.D", "Leaf"), Is.EqualTo("string?"));
    }

    [Test]
    public void Property_names_with_odd_characters_keep_their_json_names()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Odd": {
                "type": "object",
                "properties": {
                  "a.b": { "type": "string" },
                  "content-type": { "type": "string" },
                  "1st": { "type": "integer" },
                  "naïve": { "type": "string" },
                  "名前": { "type": "string" },
                  "$ref": { "type": "string" },
                  "@type": { "type": "string" },
                  "_private": { "type": "string" },
                  "": { "type": "string" },
                  "Odd": { "type": "string" },
                  "ToString": { "type": "string" },
                  "additionalProperties": { "type": "string" },
                  "class": { "type": "string" },
                  "namespace": { "type": "string" },
                  "params": { "type": "string" },
                  "event": { "type": "string" },
                  "present0": { "type": "string" },
                  "is_set": { "type": "string" }
                }
              }
            }
            """)).AssertClean();

        var names = result.PropertyNames("Acme.Models.Odd");
        var jsonNames = names.Select(n => result.JsonName("Acme.Models.Odd", n)).ToArray();
        Assert.That(jsonNames, Is.EqualTo(new[] { "a.b", "content-type", "1st", "naïve", "名前", "$ref", "@type", "_private", "", "Odd", "ToString", "additionalProperties", "class", "namespace", "params", "event", "present0", "is_set" }));
        Assert.That(names, Is.Unique);
        Assert.That(names.Take(5), Is.EqualTo(new[] { "AB", "ContentType", "_1st", "Naïve", "名前" }));

        const string json = """{"a.b":"1","content-type":"2","1st":3,"naïve":"4","名前":"5","$ref":"6","@type":"7","_private":"8","":"9","Odd":"10","ToString":"11","additionalProperties":"12","class":"13","namespace":"14","params":"15","event":"16","present0":"17","is_set":"18"}""";
        var odd = Reflect.Deserialize(result.Type("Acme.Models.Odd"), json);
        Assert.That(Reflect.Get(odd, "Class"), Is.EqualTo("13"));
        Reflect.AssertSameJson(Reflect.Serialize(odd), json);
    }

    [Test]
    public void Enum_values_with_odd_names_get_distinct_members_and_round_trip()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Reaction": { "type": "string", "enum": ["+1", "-1", "", "a b", "A-B", "a_b", "1.5", "laugh", "Value", "IsKnown"] }
            }
            """));
        result.AssertCompiles();

        var type = result.Type("Acme.Models.Reaction");
        var members = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .ToDictionary(p => p.GetValue(null)!.ToString()!, p => p.Name);
        Assert.That(members, Has.Count.EqualTo(10));
        Assert.That(members["+1"], Is.EqualTo("Plus1"));
        Assert.That(members["-1"], Is.EqualTo("Minus1"));
        Assert.That(members[""], Is.EqualTo("Empty"));
        Assert.That(members["laugh"], Is.EqualTo("Laugh"));
        Assert.That(members.Values, Is.Unique);

        // "a b", "A-B" and "a_b" all want the name AB: the first keeps it, the others are renamed and reported.
        Assert.That(members["a b"], Is.EqualTo("AB"));
        Assert.That(result.Diagnostics("OPENAPI004"), Has.Count.EqualTo(2));

        foreach (var value in members.Keys)
        {
            var json = JsonConvert.SerializeObject(value);
            var read = JsonConvert.DeserializeObject(json, type)!;
            Assert.That(Reflect.Get(read, "IsKnown"), Is.EqualTo(true), value);
            Assert.That(JsonConvert.SerializeObject(read), Is.EqualTo(json));
        }
    }

    [Test]
    public void Unknown_fields_are_kept_and_written_back()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Pet": { "type": "object", "properties": { "name": { "type": "string" } } }
            }
            """)).AssertClean();

        const string json = """{"name":"Rex","added_later":{"when":"2024-01-01T00:00:00Z","list":[1,2.5,"x",12345678901234567890]},"flag":false}""";
        var pet = Reflect.Deserialize(result.Type("Acme.Models.Pet"), json);
        Assert.That(((IDictionary)Reflect.Get(pet, "AdditionalProperties")!).Count, Is.EqualTo(2));
        Assert.That(Reflect.Serialize(pet), Is.EqualTo(json));
    }

    [Test]
    public void Descriptions_document_and_titles_only_when_they_say_more_than_the_name()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Span_Times": {
                "title": "SpanTimes",
                "type": "object",
                "properties": {
                  "start_time": { "type": "string", "title": "Start Time" },
                  "end_time": { "type": "string", "title": "End Time", "description": "When it <ended> & why." },
                  "kind": { "type": "string", "title": "The kind of the span, such as call" },
                  "plain": { "type": "string" }
                }
              }
            }
            """)).AssertClean();

        string Summary(string member) => System.Xml.Linq.XElement.Parse(result.Property("Acme.Models.SpanTimes", member).GetDocumentationCommentXml()!).Element("summary")!.Value.Trim();
        Assert.That(Summary("StartTime"), Is.EqualTo("The start_time property."), "a pydantic title repeats the name");
        Assert.That(Summary("EndTime"), Is.EqualTo("When it <ended> & why."));
        Assert.That(Summary("Kind"), Is.EqualTo("The kind of the span, such as call"));
        Assert.That(Summary("Plain"), Is.EqualTo("The plain property."));
        var typeDoc = System.Xml.Linq.XElement.Parse(result.Symbol("Acme.Models.SpanTimes").GetDocumentationCommentXml()!).Element("summary")!.Value.Trim();
        Assert.That(typeDoc, Is.EqualTo("The SpanTimes schema."));
    }

    [Test]
    public void Read_only_properties_are_not_sent_and_write_only_ones_are_not_expected()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Audit": { "type": "object", "readOnly": true, "properties": { "by": { "type": "string" } } },
              "User": {
                "type": "object",
                "required": ["id", "name", "password", "audit"],
                "properties": {
                  "id": { "type": "integer", "readOnly": true },
                  "name": { "type": "string" },
                  "password": { "type": "string", "writeOnly": true },
                  "audit": { "$ref": "#/components/schemas/Audit" }
                }
              }
            }
            """)).AssertClean();

        Assert.That(result.PropertyType("Acme.Models.User", "Id"), Is.EqualTo("long"), "responses always carry it");
        Assert.That(result.PropertyType("Acme.Models.User", "Password"), Is.EqualTo("string?"), "responses never carry it");
        var type = result.Type("Acme.Models.User");

        // A response: no password, and that is fine.
        var read = Reflect.Deserialize(type, """{"id":7,"name":"ann","audit":{"by":"x"}}""");
        Assert.That(Reflect.Get(read, "Id"), Is.EqualTo(7L));
        Assert.Throws<JsonSerializationException>(() => Reflect.Deserialize(type, """{"name":"ann","audit":{}}"""), "a read-only required property must be in responses");

        // A request: the caller sets name and password; id and audit (read-only through its $ref) are not sent.
        var request = Activator.CreateInstance(type)!;
        Reflect.Set(request, "Name", "ann");
        Reflect.Set(request, "Password", "secret");
        Assert.That(Reflect.Serialize(request), Is.EqualTo("""{"name":"ann","password":"secret"}"""));

        // What was read is written back as it was.
        Assert.That(Reflect.Serialize(read), Is.EqualTo("""{"id":7,"name":"ann","audit":{"by":"x"}}"""));
    }

    [Test]
    public void A_discriminator_decides_which_member_a_union_value_is()
    {
        var result = GeneratorHarness.Run(Document("""
            {
              "Hot": { "type": "object", "properties": { "tier": { "type": "string" }, "days": { "type": "integer" } } },
              "Cool": { "type": "object", "properties": { "tier": { "type": "string" }, "moveAfter": { "type": "integer" } } },
              "Archive": { "type": "object", "properties": { "tier": { "type": "string" } } },
              "Tier": {
                "oneOf": [ { "$ref": "#/components/schemas/Hot" }, { "$ref": "#/components/schemas/Cool" }, { "$ref": "#/components/schemas/Archive" } ],
                "discriminator": { "propertyName": "tier", "mapping": { "hot": "#/components/schemas/Hot", "HOT": "Hot", "cool": "Cool" } }
              }
            }
            """)).AssertClean();

        var tier = result.Type("Acme.Models.Tier");
        (bool Hot, bool Cool, bool Archive) Members(string json)
        {
            var value = Reflect.Deserialize(tier, json);
            return ((bool)Reflect.Get(value, "IsHot")!, (bool)Reflect.Get(value, "IsCool")!, (bool)Reflect.Get(value, "IsArchive")!);
        }

        // Without the discriminator every member would match: none has a required property.
        Assert.That(Members("""{"tier":"cool","moveAfter":30}"""), Is.EqualTo((false, true, false)));
        Assert.That(Members("""{"tier":"hot"}"""), Is.EqualTo((true, false, false)));
        Assert.That(Members("""{"tier":"HOT"}"""), Is.EqualTo((true, false, false)), "a mapping by schema name");
        Assert.That(Members("""{"tier":"Archive"}"""), Is.EqualTo((false, false, true)), "no mapping: the schema name");
        Assert.That(Members("""{"tier":"frozen"}"""), Is.EqualTo((false, false, false)), "a tier from a newer server is none of them, and is kept");
        Assert.That(Members("""{"days":1}"""), Is.EqualTo((false, false, false)));

        var cool = Reflect.Deserialize(tier, """{"tier":"cool","moveAfter":30}""");
        Assert.That(Reflect.Call(cool, "AsHot"), Is.Null);
        Assert.That(Reflect.Get(Reflect.Call(cool, "AsCool")!, "MoveAfter"), Is.EqualTo(30L));
    }

    [Test]
    public void Objects_with_more_than_64_properties_track_every_property()
    {
        var properties = string.Join(",\n", Enumerable.Range(0, 70).Select(i => $"\"p{i}\": {{ \"type\": \"integer\" }}"));
        var result = GeneratorHarness.Run(Document($$"""
            { "Wide": { "type": "object", "required": ["p0", "p69"], "properties": { {{properties}} } } }
            """)).AssertClean();

        var type = result.Type("Acme.Models.Wide");
        var wide = Activator.CreateInstance(type)!;
        Reflect.Set(wide, "P0", 1L);
        Reflect.Set(wide, "P65", 65L);
        Reflect.Set(wide, "P69", 69L);
        Assert.That(Reflect.Call(wide, "IsSet", "p65"), Is.EqualTo(true));
        Assert.That(Reflect.Call(wide, "IsSet", "p1"), Is.EqualTo(false));
        Assert.That(Reflect.Serialize(wide), Is.EqualTo("""{"p0":1,"p65":65,"p69":69}"""));

        var missing = Assert.Throws<JsonSerializationException>(() => Reflect.Deserialize(type, """{"p0":1,"p64":2}"""));
        Assert.That(missing!.Message, Does.Contain("p69"));
    }
}
