using System;
using System.Collections.Generic;
using System.Linq;
using Opper.OpenApi.Generator.Helpers;
using Opper.OpenApi.Generator.Model;

namespace Opper.OpenApi.Generator.Parsing;

/// <summary>Operations grouped into sub-clients: settled method names, parameter order and offset/limit paging.</summary>
internal sealed partial class SpecParser
{
    private static readonly string[] ItemPropertyNames = { "data", "items", "results", "records", "values", "entries" };

    private static readonly string[] TotalPropertyNames = { "total_count", "totalCount", "total", "count", "total_items", "totalItems" };

    private EquatableArray<ClientModel> BuildClients(List<OperationDraft> drafts)
    {
        var groups = new List<string>();
        var byGroup = new Dictionary<string, List<OperationDraft>>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (!byGroup.TryGetValue(draft.Group, out var list))
            {
                byGroup[draft.Group] = list = new List<OperationDraft>();
                groups.Add(draft.Group);
            }

            list.Add(draft);
        }

        var clients = new List<ClientModel>();
        foreach (var group in groups)
        {
            var members = byGroup[group];
            var names = SettleMethodNames(members, group);
            var operations = new List<OperationModel>();
            for (var i = 0; i < members.Count; i++)
            {
                var draft = members[i];
                var paging = DetectPaging(draft, names[i], names);
                operations.Add(new OperationModel(
                    names[i],
                    draft.HttpMethod,
                    draft.OperationId,
                    draft.Path,
                    draft.PathParts.ToEquatableArray(),
                    OrderParameters(draft.Parameters).ToEquatableArray(),
                    draft.Body,
                    draft.Response,
                    draft.Errors.ToEquatableArray(),
                    draft.Summary,
                    draft.Description,
                    draft.Deprecated,
                    paging));
            }

            clients.Add(new ClientModel(group, members.Select(m => m.GroupDoc).FirstOrDefault(d => d is not null), operations.ToEquatableArray()));
        }

        return clients.ToEquatableArray();
    }

    // Required parameters in path order first, then the optional ones, as a caller writes them.
    private static IEnumerable<ParameterModel> OrderParameters(List<ParameterModel> parameters) =>
        parameters.Where(p => p.Required).Concat(parameters.Where(p => !p.Required));

    private List<string> SettleMethodNames(List<OperationDraft> members, string group)
    {
        var names = members.Select(m => Naming.ToPascal(group.Length == 0 ? m.FullWords : m.NameWords)).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                names[i] = Naming.ToPascal(members[i].HttpMethod.ToLowerInvariant());
            }
        }

        // Operations whose short names clash fall back to their full words, then to those and
        // the HTTP method, when that tells them apart; otherwise they are numbered below.
        var fallbacks = new Func<OperationDraft, string>[]
        {
            m => Naming.ToPascal(m.FullWords),
            m => Naming.ToPascal(m.FullWords) + Naming.ToPascal(m.HttpMethod.ToLowerInvariant()),
        };
        var clashes = names.Select((n, i) => (Name: n, Index: i)).GroupBy(x => x.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        foreach (var clash in clashes)
        {
            foreach (var fallback in fallbacks)
            {
                var candidates = clash.Select(x => fallback(members[x.Index])).ToList();
                if (candidates.Distinct(StringComparer.Ordinal).Count() == candidates.Count)
                {
                    foreach (var (candidate, (_, index)) in candidates.Zip(clash, (c, x) => (c, x)))
                    {
                        names[index] = candidate;
                    }

                    break;
                }
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            names[i] = UniqueMember(names[i], taken, "Operation", members[i].OperationId, members[i].Location);
        }

        return names;
    }

    private PagingModel? DetectPaging(OperationDraft draft, string methodName, List<string> siblingNames)
    {
        var offset = draft.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.WireName == "offset" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        var limit = draft.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.WireName == "limit" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        if (offset is null || limit is null || draft.Response.Kind != ResponseKind.Json
            || draft.Response.Type is not { Kind: TypeKind.Object } responseType
            || !_objectModels.TryGetValue(responseType.Name!, out var page)
            || siblingNames.Contains(methodName + "All"))
        {
            return null;
        }

        var lists = page.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
        var items = lists.FirstOrDefault(p => ItemPropertyNames.Contains(p.JsonName)) ?? (lists.Count == 1 ? lists[0] : null);
        if (items is null)
        {
            return null;
        }

        var total = new List<PathStep>();
        var direct = page.Properties.FirstOrDefault(p => IsTotal(p));
        if (direct is not null)
        {
            total.Add(new PathStep(direct.Name, direct.Type.Nullable));
        }
        else
        {
            foreach (var holder in page.Properties.Where(p => p.Type.Kind == TypeKind.Object))
            {
                if (_objectModels.TryGetValue(holder.Type.Name!, out var nested) && nested.Properties.FirstOrDefault(p => IsTotal(p)) is { } inner)
                {
                    total.Add(new PathStep(holder.Name, holder.Type.Nullable));
                    total.Add(new PathStep(inner.Name, inner.Type.Nullable));
                    break;
                }
            }
        }

        return new PagingModel(
            offset.Name,
            limit.Name,
            new[] { new PathStep(items.Name, items.Type.Nullable) }.ToEquatableArray(),
            items.Type.Element!,
            total.ToEquatableArray());
    }

    private static bool IsTotal(PropertyModel property) =>
        TotalPropertyNames.Contains(property.JsonName) && property.Type.Kind is TypeKind.Int32 or TypeKind.Int64;
}
