namespace AzureRules.Generators.Esql.Syntax;

/// <summary>The kinds of token the ES|QL lexer produces. Keywords are identifiers: ES|QL keywords are
/// case-insensitive and depend on the command, so the parser recognises them by text.</summary>
internal enum EsqlTokenKind
{
    EndOfInput,
    Identifier,        // process.name is three tokens: Identifier Dot Identifier
    QuotedIdentifier,  // `1.field`, with `` doubled inside
    String,            // "…" with \t \n \r \" \\ escapes, or """…""" verbatim
    Integer,
    Decimal,
    Parameter,         // ?, ?name, ?1
    Pipe,
    Comma,
    Dot,
    Colon,
    CastOperator,      // ::
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    Assign,            // =
    Equal,             // ==
    CaseInsensitiveEqual, // =~
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    /// <summary>A character no ES|QL token starts with; the parser reports it where it meets it.</summary>
    Unknown,
}

/// <summary>A token: its kind, its place in the query text, and for strings and quoted identifiers the
/// decoded value.</summary>
internal readonly record struct EsqlToken(EsqlTokenKind Kind, int Start, int Length, string Text, string Value)
{
    public int End => Start + Length;

    public bool Is(EsqlTokenKind kind) => Kind == kind;

    /// <summary>True for an unquoted identifier spelled <paramref name="keyword"/> in any case.</summary>
    public bool IsKeyword(string keyword)
        => Kind == EsqlTokenKind.Identifier && string.Equals(Text, keyword, System.StringComparison.OrdinalIgnoreCase);
}
