using System.Text.Json.Nodes;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>Finding nodes in a serialized tree.</summary>
internal static class TreeNodes
{
    public static IEnumerable<JsonObject> All(JsonObject node)
    {
        yield return node;
        foreach (var child in node["children"]!.AsArray())
        {
            foreach (var below in All(child!.AsObject()))
            {
                yield return below;
            }
        }
    }

    public static JsonObject Find(JsonObject root, string id) =>
        All(root).FirstOrDefault(n => (string?)n["id"] == id) ?? throw new InvalidOperationException($"no node {id} in the tree");

    public static string Health(JsonObject root, string id) => (string)Find(root, id)["health"]!;
}
