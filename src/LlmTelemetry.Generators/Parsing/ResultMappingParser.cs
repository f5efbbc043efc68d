using System.Collections.Generic;
using System.Linq;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Decides at compile time how a result, or each chunk of a stream, is read: no reflection at run time.</summary>
internal static class ResultMappingParser
{
    public static ResultMappingModel Map(ITypeSymbol? resultType, KnownTypes known)
    {
        if (resultType is null || resultType.IsRefLikeType || resultType is ITypeParameterSymbol)
        {
            return ResultMappingModel.None;
        }

        bool unwrap = false;
        ITypeSymbol valueType = resultType;
        if (resultType is INamedTypeSymbol named && IsType(named.OriginalDefinition, known.ClientResultOfT))
        {
            unwrap = true;
            valueType = named.TypeArguments[0];
        }

        bool canBeNull = valueType.IsReferenceType;
        string display = SymbolFormatting.Type(valueType);

        if (valueType.SpecialType == SpecialType.System_String)
        {
            return Create(ResultKind.Text);
        }

        if (DerivesFrom(valueType, known.MeaiChatResponse))
        {
            return Create(ResultKind.MeaiChatResponse);
        }

        if (DerivesFrom(valueType, known.MeaiChatResponseUpdate))
        {
            return Create(ResultKind.MeaiChatResponseUpdate);
        }

        if (valueType is INamedTypeSymbol embeddings && IsType(embeddings.OriginalDefinition, known.MeaiGeneratedEmbeddings))
        {
            return new ResultMappingModel(ResultKind.MeaiEmbeddings, display, unwrap, canBeNull, SymbolFormatting.Type(embeddings.TypeArguments[0]), EquatableArray<ResultMemberModel>.Empty);
        }

        if (DerivesFrom(valueType, known.OpenAIChatCompletion))
        {
            return Create(ResultKind.OpenAIChatCompletion);
        }

        if (DerivesFrom(valueType, known.OpenAIStreamingChatCompletionUpdate))
        {
            return Create(ResultKind.OpenAIStreamingUpdate);
        }

        if (valueType.TypeKind is TypeKind.Class or TypeKind.Struct && valueType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
        {
            EquatableArray<ResultMemberModel> members = UserMembers(valueType, known);
            if (members.Count > 0)
            {
                return new ResultMappingModel(ResultKind.User, display, unwrap, canBeNull, null, members);
            }
        }

        return ResultMappingModel.None;

        ResultMappingModel Create(ResultKind kind) =>
            new(kind, display, unwrap, canBeNull, null, EquatableArray<ResultMemberModel>.Empty);
    }

    /// <summary>Whether the mapping yields token counts, for the "token usage cannot be read" diagnostic.</summary>
    public static bool MapsTokenUsage(ResultMappingModel mapping) => mapping.Kind switch
    {
        ResultKind.None or ResultKind.Text => false,
        ResultKind.User => mapping.Members.Any(static m => m.Role is ResultMemberRole.InputTokens or ResultMemberRole.OutputTokens),
        _ => true,
    };

    private static EquatableArray<ResultMemberModel> UserMembers(ITypeSymbol type, KnownTypes known)
    {
        var members = new List<ResultMemberModel>();
        var seenRoles = new HashSet<ResultMemberRole>();
        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member.IsStatic || !IsReadable(member, out ITypeSymbol? memberType))
                {
                    continue;
                }

                foreach ((INamedTypeSymbol? attribute, ResultMemberRole role) in ResultMemberRules.Attributes(known))
                {
                    if (attribute is null || seenRoles.Contains(role) || !HasAttribute(member, attribute))
                    {
                        continue;
                    }

                    // A member of the wrong type is reported by the analyzer (LLMT0012) and left out here.
                    if (ResultMemberRules.ValueKind(memberType!, role, known) is { } valueKind)
                    {
                        ITypeSymbol? enumType = valueKind switch
                        {
                            MemberValueKind.Enum => memberType,
                            MemberValueKind.NullableEnum => ((INamedTypeSymbol)memberType!).TypeArguments[0],
                            _ => null,
                        };
                        members.Add(new ResultMemberModel(
                            role,
                            SymbolFormatting.Identifier(member.Name),
                            valueKind,
                            enumType is null ? null : SymbolFormatting.Type(enumType),
                            enumType is null ? EquatableArray<string>.Empty : EnumMembers(enumType)));
                        seenRoles.Add(role);
                    }
                }
            }
        }

        return members.OrderBy(static m => m.Role).ToEquatableArray();
    }

    // One name per distinct value: aliases would make the generated switch repeat a case.
    private static EquatableArray<string> EnumMembers(ITypeSymbol enumType) =>
        enumType.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(static f => f.HasConstantValue)
            .GroupBy(static f => f.ConstantValue)
            .Select(static g => SymbolFormatting.Identifier(g.First().Name))
            .ToEquatableArray();

    private static bool IsReadable(ISymbol member, out ITypeSymbol? type)
    {
        switch (member)
        {
            case IPropertySymbol { IsIndexer: false, GetMethod: { } getter } property when IsVisible(property) && IsVisible(getter):
                type = property.Type;
                return true;
            case IFieldSymbol field when IsVisible(field):
                type = field.Type;
                return true;
            default:
                type = null;
                return false;
        }
    }

    // Generated code lives in the user's assembly: public members, and internal ones of the user's own types.
    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility == Accessibility.Public
        || (symbol.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal && symbol.Locations.Any(static l => l.IsInSource));

    private static bool HasAttribute(ISymbol member, INamedTypeSymbol attribute) =>
        member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static bool IsType(INamedTypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    internal static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
