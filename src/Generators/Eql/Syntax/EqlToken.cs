namespace AzureRules.Generators.Eql.Syntax;

internal enum EqlTokenKind
{
    End,
    Identifier,      // a bare word; keywords are identifiers the parser recognises in context
    QuotedIdentifier, // `a field name`
    String,
    Integer,
    Decimal,
    LeftParen, RightParen, LeftBracket, RightBracket, Comma, Dot, Pipe, Question, Bang, Tilde,
    Equal,           // =, only valid in `with maxspan=…` / `runs=…`
    EqualEqual, NotEqual, Less, LessEqual, Greater, GreaterEqual, Colon,
    Plus, Minus, Star, Slash, Percent,
    Bad,
}

/// <summary>
/// One token with its place in the query. <see cref="Text"/> is the decoded value for strings and
/// quoted identifiers, the source text otherwise.
/// </summary>
internal readonly record struct EqlToken(EqlTokenKind Kind, int Start, int End, string Text)
{
    public int Length => End - Start;

    /// <summary>Keywords are case-insensitive, as in Elasticsearch's EQL grammar.</summary>
    public bool IsKeyword(string keyword)
        => Kind == EqlTokenKind.Identifier && string.Equals(Text, keyword, System.StringComparison.OrdinalIgnoreCase);
}
