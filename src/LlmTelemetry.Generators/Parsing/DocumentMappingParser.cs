using System.Linq;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// Decides at compile time how a retrieval's documents are read: from a materialized collection (never a lazy
/// sequence, which reading would run again) or from each chunk of a stream, of documents with
/// <c>[DocumentId]</c>/<c>[DocumentScore]</c> members or of Microsoft.Extensions.VectorData search results.
/// </summary>
internal static class DocumentMappingParser
{
    public static ResultMappingModel Map(ITypeSymbol? resultType, bool isStream, KnownTypes known)
    {
        if (resultType is null || resultType.IsRefLikeType || resultType is ITypeParameterSymbol)
        {
            return ResultMappingModel.None;
        }

        if (isStream)
        {
            return Element(resultType, DocumentShape.Single, known) is { } chunk
                ? Create(resultType, chunk)
                : ResultMappingModel.None;
        }

        (DocumentShape Shape, ITypeSymbol Element)? collection = Collection(resultType, known);
        if (collection is null || Element(collection.Value.Element, collection.Value.Shape, known) is not { } documents)
        {
            return ResultMappingModel.None;
        }

        return Create(resultType, documents);
    }

    private static ResultMappingModel Create(ITypeSymbol valueType, DocumentMappingModel documents) =>
        new(ResultKind.Documents, SymbolFormatting.Type(valueType), UnwrapClientResult: false, valueType.IsReferenceType, null, EquatableArray<ResultMemberModel>.Empty, documents);

    private static (DocumentShape, ITypeSymbol)? Collection(ITypeSymbol type, KnownTypes known)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return (DocumentShape.Array, array.ElementType);
        }

        ITypeSymbol? element = CollectionElement(type);
        if (element is null)
        {
            return null; // an IEnumerable<T> that may be lazy: reading it would run the query again
        }

        return (IsIndexable(type) ? DocumentShape.Indexed : DocumentShape.Enumerated, element);
    }

    // The element type of a collection that holds its items: ICollection<T> or IReadOnlyCollection<T>.
    private static ITypeSymbol? CollectionElement(ITypeSymbol type)
    {
        foreach (INamedTypeSymbol candidate in type is INamedTypeSymbol named ? type.AllInterfaces.Prepend(named) : type.AllInterfaces)
        {
            if (candidate.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IReadOnlyCollection_T
                or SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_IReadOnlyList_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    // Read by index (no enumerator to allocate) when 'Count' and 'this[int]' bind without ambiguity: the list
    // interfaces themselves, or a type with its own public ones (List<T> …). Anything else is enumerated.
    private static bool IsIndexable(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
        || (type.GetMembers().OfType<IPropertySymbol>().Any(static p => p.IsIndexer && p.Parameters.Length == 1 && p.Parameters[0].Type.SpecialType == SpecialType.System_Int32 && p.DeclaredAccessibility == Accessibility.Public)
            && type.GetMembers("Count").OfType<IPropertySymbol>().Any(static p => p.DeclaredAccessibility == Accessibility.Public));

    private static DocumentMappingModel? Element(ITypeSymbol element, DocumentShape shape, KnownTypes known)
    {
        if (element is INamedTypeSymbol named && known.VectorSearchResultOfT is not null
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.VectorSearchResultOfT))
        {
            ITypeSymbol record = named.TypeArguments[0];
            (string? id, bool idIsString) = IdMember(record, known, includeVectorStoreKey: true);
            return new DocumentMappingModel(shape, FromVectorSearchResult: true, record.IsReferenceType || record is ITypeParameterSymbol, id, idIsString, ScoreMember: null);
        }

        if (element.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        (string? idMember, bool isString) = IdMember(element, known, includeVectorStoreKey: false);
        string? score = Member(element, known.DocumentScoreAttribute, ResultMemberRole.DocumentScore, known)?.Name;
        if (idMember is null && score is null)
        {
            return null;
        }

        return new DocumentMappingModel(shape, FromVectorSearchResult: false, element.IsReferenceType, idMember, isString, score is null ? null : SymbolFormatting.Identifier(score));
    }

    private static (string? Name, bool IsString) IdMember(ITypeSymbol type, KnownTypes known, bool includeVectorStoreKey)
    {
        ISymbol? member = Member(type, known.DocumentIdAttribute, ResultMemberRole.DocumentId, known);
        if (member is null && includeVectorStoreKey)
        {
            member = Member(type, known.VectorStoreKeyAttribute, ResultMemberRole.DocumentId, known);
        }

        return member is null ? (null, false) : (SymbolFormatting.Identifier(member.Name), TypeOf(member)!.SpecialType == SpecialType.System_String);
    }

    // The first readable instance member with the attribute whose type fits the role; others are reported by the analyzer.
    private static ISymbol? Member(ITypeSymbol type, INamedTypeSymbol? attribute, ResultMemberRole role, KnownTypes known)
    {
        if (attribute is null)
        {
            return null;
        }

        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (!member.IsStatic
                    && member.DeclaredAccessibility == Accessibility.Public
                    && TypeOf(member) is { } memberType
                    && member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
                    && ResultMemberRules.ValueKind(memberType, role, known) is not null)
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };
}
