using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace NewsExtract.Tests.Api;

/// <summary>
/// Keeps the public API disciplined as it grows (PublicAPI.*.txt tracks what it is; this checks how):
/// every public class sealed or static, every public struct read-only, results immutable.
/// </summary>
public class PublicApiShapeTests
{
    private static readonly Type[] s_publicTypes = typeof(ArticleAnalyzer).Assembly.GetExportedTypes();

    [Fact]
    public void PublicTypes_AreSealedStaticInterfaceEnumOrStruct()
    {
        string[] open = Array.FindAll(s_publicTypes, t => t.IsClass && !t.IsSealed && !IsStatic(t)).Select(t => t.FullName!).ToArray();
        Assert.True(open.Length == 0, "public classes must be sealed or static: " + string.Join(", ", open));
    }

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        // Span enumerators (ref structs whose MoveNext advances them) are mutable by nature, as in the BCL.
        string[] mutable = Array.FindAll(s_publicTypes, t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(IsReadOnlyAttribute))
                && !(t.IsByRefLike && t.Name.EndsWith("Enumerator", StringComparison.Ordinal)))
            .Select(t => t.FullName!).ToArray();
        Assert.True(mutable.Length == 0, "public structs must be readonly: " + string.Join(", ", mutable));
    }

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOrMutableFields()
    {
        var problems = new List<string>();
        foreach (Type type in s_publicTypes)
        {
            if (type.IsInterface || type.IsEnum || IsStatic(type))
            {
                continue;
            }

            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                MethodInfo? setter = property.SetMethod;
                if (setter is { IsPublic: true } && !IsInitOnly(setter))
                {
                    problems.Add($"{type.Name}.{property.Name} has a public setter");
                }

                if (IsMutableCollection(property.PropertyType))
                {
                    problems.Add($"{type.Name}.{property.Name} exposes a mutable collection type {property.PropertyType.Name}");
                }
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (!field.IsInitOnly && !field.IsLiteral)
                {
                    problems.Add($"{type.Name}.{field.Name} is a writable public field");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Fact]
    public void PublicTypes_AllInTheNewsExtractNamespaceOrTheDependencyInjectionExtensions()
    {
        string[] stray = Array.FindAll(
            s_publicTypes,
            t => t.Namespace is null
                || (!t.Namespace.StartsWith("NewsExtract", StringComparison.Ordinal) && t.Namespace != "Microsoft.Extensions.DependencyInjection"))
            .Select(t => t.FullName!).ToArray();
        Assert.True(stray.Length == 0, "public types outside the NewsExtract namespaces: " + string.Join(", ", stray));
    }

    [Fact]
    public void PublicEnums_DefineAZeroValue()
    {
        // default(T) of a public enum is a named member, so an unset field reads as something documented.
        string[] missing = Array.FindAll(s_publicTypes, t => t.IsEnum && !Enum.IsDefined(t, Enum.ToObject(t, 0)))
            .Select(t => t.FullName!).ToArray();
        Assert.True(missing.Length == 0, "public enums without a zero member: " + string.Join(", ", missing));
    }

    [Fact]
    public void ResultTypes_HaveNoPublicConstructorWithParameters()
    {
        // Results are built with init properties, so adding a property later does not break callers that construct one.
        Type[] results = [typeof(ArticleAnalysis), typeof(Sentence), typeof(Paragraph), typeof(Mention), typeof(Entity)];
        var problems = new List<string>();
        foreach (Type type in results)
        {
            foreach (ConstructorInfo constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
            {
                // A record's copy constructor (one parameter of its own type) is how 'with' works, not a layer list.
                ParameterInfo[] parameters = constructor.GetParameters();
                if (parameters.Length > 0 && !(parameters.Length == 1 && parameters[0].ParameterType == type))
                {
                    problems.Add($"{type.Name}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))})");
                }
            }
        }

        Assert.True(problems.Count == 0, "public constructors with parameters: " + string.Join("; ", problems));
    }

    private static bool IsStatic(Type type) => type.IsClass && type.IsAbstract && type.IsSealed;

    /// <summary>An <c>init</c> accessor (records' positional properties): settable only while constructing.</summary>
    private static bool IsInitOnly(MethodInfo setter)
        => Array.IndexOf(setter.ReturnParameter.GetRequiredCustomModifiers(), typeof(IsExternalInit)) >= 0;

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return type != typeof(string) && typeof(IList).IsAssignableFrom(type);
        }

        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>)
            || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IDictionary<,>) || definition == typeof(ISet<>);
    }
}
