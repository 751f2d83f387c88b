namespace ArrSdk.Generators.Model;

/// <summary>The kinds of named type a spec can declare.</summary>
internal enum TypeKind
{
    Object,
    StringEnum,
}
