using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LlmTelemetry.Generators.Model;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// Pipeline models hold only values that compare by content (strings, bools, numbers, enums, equatable arrays,
/// other models) — never a Roslyn symbol, location, syntax node or compilation, which would defeat caching and
/// keep compilations alive.
/// </summary>
public sealed class ModelShapeTests
{
    public static TheoryData<Type> ModelTypes()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in AllModelTypes())
        {
            data.Add(type);
        }

        return data;
    }

    private static List<Type> AllModelTypes() =>
        typeof(OperationMethodModel).Assembly.GetTypes()
            .Where(static t => t.Namespace == typeof(OperationMethodModel).Namespace && t is { IsClass: true } && !t.IsAbstract && t.GetMethod("<Clone>$") is not null)
            .ToList();

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_records_hold_only_equatable_values(Type modelType)
    {
        foreach (PropertyInfo property in modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(static p => p.Name != "EqualityContract"))
        {
            Assert.True(IsAllowed(property.PropertyType), $"{modelType.Name}.{property.Name} is a {property.PropertyType}, which a pipeline model must not hold.");
        }
    }

    [Fact]
    public void The_check_finds_every_model_and_rejects_roslyn_types()
    {
        List<Type> models = AllModelTypes();
        Assert.Contains(typeof(OperationMethodModel), models);
        Assert.Contains(typeof(ResultMappingModel), models);
        Assert.False(IsAllowed(typeof(Microsoft.CodeAnalysis.ISymbol)));
        Assert.False(IsAllowed(typeof(Microsoft.CodeAnalysis.Location)));
        Assert.False(IsAllowed(typeof(ImmutableArrayHolder)));
    }

    private static bool IsAllowed(Type type)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string))
        {
            return true;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            return IsAllowed(underlying.GetGenericArguments()[0]);
        }

        // Another model record: checked by its own row.
        return underlying.Namespace == typeof(OperationMethodModel).Namespace && underlying.GetMethod("<Clone>$") is not null;
    }

    private sealed class ImmutableArrayHolder : List<Microsoft.CodeAnalysis.ISymbol>
    {
    }
}
