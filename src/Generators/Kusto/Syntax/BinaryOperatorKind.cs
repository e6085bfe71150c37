namespace AzureRules.Generators.Kusto.Syntax;

/// <summary>Every binary operator of Kusto. The string operators follow the documentation's names:
/// the <c>Cs</c> suffix is the case-sensitive variant, <c>Not</c> the negated (<c>!</c>) one.</summary>
internal enum BinaryOperatorKind
{
    Or,
    And,

    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,

    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    /// <summary><c>=~</c></summary>
    EqualCaseInsensitive,
    /// <summary><c>!~</c></summary>
    NotEqualCaseInsensitive,

    Has, NotHas, HasCs, NotHasCs,
    HasPrefix, NotHasPrefix, HasPrefixCs, NotHasPrefixCs,
    HasSuffix, NotHasSuffix, HasSuffixCs, NotHasSuffixCs,
    Contains, NotContains, ContainsCs, NotContainsCs,
    StartsWith, NotStartsWith, StartsWithCs, NotStartsWithCs,
    EndsWith, NotEndsWith, EndsWithCs, NotEndsWithCs,
    MatchesRegex,
    Like, NotLike, LikeCs, NotLikeCs,
}
