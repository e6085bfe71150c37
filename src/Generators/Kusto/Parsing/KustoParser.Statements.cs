using System.Collections.Immutable;
using AzureRules.Generators.Kusto.Syntax;

namespace AzureRules.Generators.Kusto.Parsing;

internal sealed partial class KustoParser
{
    private QueryBlock ParseQueryBlock()
    {
        var start = Current.Start;
        var statements = ParseStatements(TokenKind.EndOfText);
        while (!AtEnd)
        {
            // a stray closing bracket at the top level
            ReportUnexpected();
            Advance();
            statements = statements.AddRange(ParseStatements(TokenKind.EndOfText));
        }
        return new QueryBlock(new TextRange(0, _text.Length), statements);
    }

    /// <summary>Statements separated by ';' up to <paramref name="end"/> (end of text or '}').</summary>
    private ImmutableArray<Statement> ParseStatements(TokenKind end)
    {
        var statements = ImmutableArray.CreateBuilder<Statement>();
        while (!AtEnd && Current.Kind != end)
        {
            if (TryEat(TokenKind.Semicolon))
            {
                Resynchronized();
                continue;
            }
            if (Current.Kind is TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.CloseBrace) break;

            var before = _index;
            statements.Add(ParseStatement());
            if (TryEat(TokenKind.Semicolon))
            {
                Resynchronized();
                continue;
            }
            if (AtEnd || Current.Kind == end) break;
            if (statements[statements.Count - 1] is ExpressionStatement) ReportUnexpected();
            else ReportExpected("';'");
            SkipToSynchronizationPoint(stopAtPipe: false);
            if (_index == before) Advance();
        }
        return statements.ToImmutable();
    }

    private Statement ParseStatement()
    {
        var start = Current.Start;
        if (IsKeyword("let")) return ParseLet();
        if (IsKeyword("set") && PeekToken(1).Kind == TokenKind.Identifier) return ParseSet();
        if (IsKeyword("declare") && PeekToken(1).Is("query_parameters")) return ParseDeclareQueryParameters();
        var expression = ParseExpression();
        return new ExpressionStatement(RangeFrom(start, expression), expression);
    }

    private LetStatement ParseLet()
    {
        var start = Advance().Start; // let
        var name = ParseNameDeclaration();
        Expression value;
        if (Expect(TokenKind.Equal, "'='"))
            value = IsFunctionDefinitionStart() ? ParseFunctionDefinition() : ParseExpression();
        else
            value = Missing();
        return new LetStatement(RangeFrom(start), name, value);
    }

    /// <summary><c>view (</c>, <c>() {</c> or <c>(name:</c> starts a function; other parentheses a subexpression.</summary>
    private bool IsFunctionDefinitionStart()
    {
        if (IsKeyword("view") && PeekToken(1).Kind == TokenKind.OpenParen) return true;
        if (Current.Kind != TokenKind.OpenParen) return false;
        var next = PeekToken(1);
        if (next.Kind == TokenKind.CloseParen) return PeekToken(2).Kind == TokenKind.OpenBrace;
        if (next.Kind == TokenKind.Identifier) return PeekToken(2).Kind == TokenKind.Colon;
        if (next.Kind == TokenKind.OpenBracket) return PeekToken(4).Kind == TokenKind.Colon; // (['name']:type
        return false;
    }

    private Expression ParseFunctionDefinition()
    {
        if (!EnterNesting()) return Missing();
        try
        {
            return ParseFunctionDefinitionCore();
        }
        finally
        {
            LeaveNesting();
        }
    }

    private FunctionDefinition ParseFunctionDefinitionCore()
    {
        var start = Current.Start;
        var isView = TryEatKeyword("view");
        var parameters = ParseParameterList();
        var bodyStart = Current.Start;
        ImmutableArray<Statement> statements = ImmutableArray<Statement>.Empty;
        if (Expect(TokenKind.OpenBrace, "'{'"))
        {
            statements = ParseStatements(TokenKind.CloseBrace);
            Expect(TokenKind.CloseBrace, "'}'");
        }
        var body = new QueryBlock(RangeFrom(bodyStart), statements);
        return new FunctionDefinition(RangeFrom(start), isView, parameters, body);
    }

    /// <summary><c>(name:type [= default], T:(col:type), U:(*))</c>.</summary>
    private ImmutableArray<FunctionParameter> ParseParameterList()
    {
        var parameters = ImmutableArray.CreateBuilder<FunctionParameter>();
        if (!Expect(TokenKind.OpenParen, "'('")) return parameters.ToImmutable();
        if (!TryEat(TokenKind.CloseParen))
        {
            do
            {
                var start = Current.Start;
                var name = ParseNameDeclaration();
                Expression? type = null;
                if (Expect(TokenKind.Colon, "':'"))
                    type = Current.Kind == TokenKind.OpenParen ? ParseSchema() : ParseType();
                Expression? defaultValue = TryEat(TokenKind.Equal) ? ParseOr() : null;
                parameters.Add(new FunctionParameter(RangeFrom(start, name), name, type, defaultValue));
            }
            while (TryEat(TokenKind.Comma));
            Expect(TokenKind.CloseParen, "')'");
        }
        return parameters.ToImmutable();
    }

    private SetStatement ParseSet()
    {
        var start = Advance().Start; // set
        var name = ParseDottedNameDeclaration();
        Expression? value = TryEat(TokenKind.Equal) ? ParseOr() : null;
        return new SetStatement(RangeFrom(start), name, value);
    }

    private DeclareQueryParametersStatement ParseDeclareQueryParameters()
    {
        var start = Advance().Start; // declare
        Advance(); // query_parameters
        var parameters = ParseParameterList();
        return new DeclareQueryParametersStatement(RangeFrom(start), parameters);
    }
}
