using System.Reflection;
using System.Reflection.Emit;

namespace RagGate.Tests;

/// <summary>
/// Which namespaces of one assembly use which: the types in member signatures, base types and attributes,
/// and every type, method and field a method body names (read from the IL).
/// </summary>
internal static class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Edges from each namespace to the other namespaces of the same assembly it uses.</summary>
    public static Dictionary<string, SortedSet<string>> Build(Assembly assembly)
    {
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => !IsCompilerPlumbing(t) && NamespaceOf(t).Length > 0))
        {
            var from = NamespaceOf(type);
            if (!edges.TryGetValue(from, out var targets))
                edges[from] = targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var used in UsedTypes(type))
            {
                if (used.Assembly != assembly || IsCompilerPlumbing(used) || NamespaceOf(used).Length == 0)
                    continue;
                var to = NamespaceOf(used);
                if (to != from)
                    targets.Add(to);
            }
        }
        return edges;
    }

    /// <summary>Fails, naming the cycle as a path, when the namespaces of <paramref name="assembly"/> do not depend one way.</summary>
    public static void AssertNoCycle(Assembly assembly)
    {
        var cycle = FindCycle(Build(assembly));
        Assert.True(cycle is null, "namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }

    /// <summary>One namespace cycle as a path (first == last), or null when the graph has none.</summary>
    public static IReadOnlyList<string>? FindCycle(Dictionary<string, SortedSet<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<string>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            var cycle = Visit(start, edges, state, path);
            if (cycle is not null)
                return cycle;
        }
        return null;
    }

    private static List<string>? Visit(string node, Dictionary<string, SortedSet<string>> edges, Dictionary<string, int> state, List<string> path)
    {
        if (state.TryGetValue(node, out var seen))
            return seen == 1 ? [.. path.SkipWhile(n => n != node), node] : null;
        state[node] = 1;
        path.Add(node);
        foreach (var next in edges.GetValueOrDefault(node) ?? [])
        {
            var cycle = Visit(next, edges, state, path);
            if (cycle is not null)
                return cycle;
        }
        path.RemoveAt(path.Count - 1);
        state[node] = 2;
        return null;
    }

    // The global namespace holds only the entry point (a three-line Program.cs, the top of every graph)
    // and types source generators emit (minimal API and configuration binding interceptors, logging),
    // which any namespace may use: it is left out, as the compiler's own plumbing is.

    // Types the compiler adds at the top level for the whole assembly (<PrivateImplementationDetails> for
    // constant arrays and string switches, embedded attributes) belong to no feature: every namespace
    // may use them, so counting them would report a cycle through the global namespace.
    private static bool IsCompilerPlumbing(Type type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false);
    }

    // Nested and compiler-generated types (lambdas, async state machines) belong to their outermost type's namespace.
    private static string NamespaceOf(Type type)
    {
        while (type.DeclaringType is not null)
            type = type.DeclaringType;
        return type.Namespace ?? "";
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var found = new List<Type>();
        Add(found, type.BaseType);
        foreach (var i in type.GetInterfaces())
            Add(found, i);
        foreach (var a in type.GetCustomAttributesData())
            AddAttribute(found, a);
        foreach (var field in type.GetFields(Everything))
            Add(found, field.FieldType);
        foreach (var property in type.GetProperties(Everything))
            Add(found, property.PropertyType);
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
                Add(found, info.ReturnType);
            foreach (var p in method.GetParameters())
                Add(found, p.ParameterType);
            foreach (var a in method.GetCustomAttributesData())
                AddAttribute(found, a);
            AddBody(found, method);
        }
        return found;
    }

    private static void AddAttribute(List<Type> found, CustomAttributeData attribute)
    {
        Add(found, attribute.AttributeType);
        foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
        {
            if (argument.Value is Type t)
                Add(found, t);
        }
    }

    private static void AddBody(List<Type> found, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
            return;
        foreach (var local in body.LocalVariables)
            Add(found, local.LocalType);
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    if (member is Type t)
                        Add(found, t);
                    else if (member?.DeclaringType is { } declaring)
                        Add(found, declaring);
                    if (member is FieldInfo f)
                        Add(found, f.FieldType);
                    if (member is MethodInfo m)
                        Add(found, m.ReturnType);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void Add(List<Type> found, Type? type)
    {
        if (type is null)
            return;
        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
            return;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
                Add(found, argument);
            type = type.GetGenericTypeDefinition();
        }
        if (!type.IsGenericParameter)
            found.Add(type);
    }
}
