namespace AzureRules.Generators.Kusto.Parsing;

internal enum TokenKind
{
    EndOfText,
    /// <summary>Names and keywords alike (Kusto keywords are contextual), including <c>$left</c>,
    /// hyphenated operator names (<c>mv-expand</c>) and negated operators (<c>!has</c>, <c>!in~</c>).</summary>
    Identifier,
    StringLiteral,
    LongLiteral,
    RealLiteral,
    TimeSpanLiteral,
    /// <summary>The raw text inside <c>datetime(...)</c>, <c>timespan(...)</c>, <c>guid(...)</c>.</summary>
    RawText,
    Pipe, Semicolon, Comma, Dot, DotDot, Colon, Question,
    OpenParen, CloseParen, OpenBracket, CloseBracket, OpenBrace, CloseBrace,
    Equal, EqualEqual, BangEqual, LessGreater, EqualTilde, BangTilde, FatArrow,
    Less, LessEqual, Greater, GreaterEqual,
    Plus, Minus, Star, Slash, Percent,
    /// <summary>A character or malformed literal the lexer could not read; Error says why.</summary>
    Bad,
}

/// <summary>
/// A token: its kind, where it stands in the text and, for literals, the decoded value.
/// <see cref="HasSpaceBefore"/> records trivia before it, which the parser needs to tell a wildcard name
/// (<c>Col*</c>) from a multiplication; <see cref="LineBreakBefore"/> places diagnostics on the right line.
/// </summary>
internal readonly record struct SyntaxToken(TokenKind Kind, int Start, int End, string Text, object? Value, bool HasSpaceBefore, bool LineBreakBefore, string? Error)
{
    public bool Is(string keyword) => Kind == TokenKind.Identifier && Text == keyword;
}
