using System;
using System.Collections.Generic;
using AzureRules.Generators.Diagnostics;

namespace AzureRules.Generators.Formats.Toml;

/// <summary>
/// A TOML 1.0 parser (https://toml.io/en/v1.0.0) that keeps the position of every value. This file holds
/// the document structure: expressions, keys, table headers and the rules for defining tables once;
/// values are in <c>TomlParser.Values.cs</c>, strings in <c>TomlParser.Strings.cs</c>.
/// TOML has no error recovery: the first error ends parsing, as in every conforming parser.
/// </summary>
internal sealed partial class TomlParser
{
    private readonly string _text;
    private readonly TextLines _lines;
    private const int MaxDepth = 128;
    private int _pos;
    private int _depth;

    private TomlParser(string text)
    {
        _text = text;
        _lines = new TextLines(text);
    }

    public static TomlDocument Parse(string text)
    {
        var parser = new TomlParser(text ?? "");
        var root = new TomlTable(TomlTableOrigin.Root, SourcePosition.Start, SourcePosition.Start);
        try
        {
            parser.ParseDocument(root);
            return new TomlDocument(root, parser._lines, null);
        }
        catch (TomlSyntaxException e)
        {
            return new TomlDocument(root, parser._lines, new TomlSyntaxError(e.Message, parser._lines.PositionOf(e.Offset)));
        }
    }

    // ---- document -----------------------------------------------------------------------------

    private void ParseDocument(TomlTable root)
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF') _pos = 1; // a byte order mark is not content
        var current = root;
        while (true)
        {
            SkipWhitespace();
            if (AtEnd) break;
            var c = _text[_pos];
            if (c == '#' || IsNewlineStart(c))
            {
                // blank or comment-only line
            }
            else if (c == '[')
            {
                current = ParseTableHeader(root);
            }
            else
            {
                ParseKeyValue(current);
            }
            SkipWhitespace();
            SkipComment();
            ExpectNewlineOrEnd();
        }
        root.End = _lines.PositionOf(_text.Length);
    }

    private void ParseKeyValue(TomlTable table)
    {
        var keyStart = _pos;
        var key = ParseKey();
        SkipWhitespace();
        if (Current != '=') throw Error(AtEnd || IsNewlineStart(Current) ? "expected '=' after the key" : $"expected '=' after the key, found {Describe(Current)}");
        _pos++;
        SkipWhitespace();
        if (AtEnd || IsNewlineStart(Current) || Current == '#') throw Error("expected a value after '='");
        var value = ParseValue();
        Assign(table, key, keyStart, value);
    }

    /// <summary><c>a.b.c = v</c>: walks (creating) the tables a and a.b, then defines c.</summary>
    private void Assign(TomlTable table, List<KeyPart> key, int keyStart, TomlNode value)
    {
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (!table.TryGet(part.Name, out var existing))
            {
                var created = new TomlTable(TomlTableOrigin.DottedKey, _lines.PositionOf(keyStart), value.End);
                table.Add(part.Name, _lines.PositionOf(part.Offset), created);
                table = created;
                continue;
            }
            if (existing is TomlTable { Origin: TomlTableOrigin.DottedKey } dotted)
            {
                table = dotted;
                continue;
            }
            throw existing switch
            {
                TomlTable { Origin: TomlTableOrigin.Inline } => Error(part.Offset, $"cannot add keys to the inline table '{Join(key, i + 1)}'; inline tables are complete where they are written"),
                TomlTable => Error(part.Offset, $"cannot add to the table '{Join(key, i + 1)}' with a dotted key: it is defined by a table header"),
                TomlArray { IsArrayOfTables: true } => Error(part.Offset, $"cannot add to the array of tables '{Join(key, i + 1)}' with a dotted key"),
                _ => Error(part.Offset, $"'{Join(key, i + 1)}' is already defined as {Article(existing.TypeName)}, not a table"),
            };
        }
        var last = key[key.Count - 1];
        if (table.TryGet(last.Name, out _)) throw Error(last.Offset, $"duplicate key '{Join(key, key.Count)}'");
        table.Add(last.Name, _lines.PositionOf(last.Offset), value);
    }

    /// <summary><c>[a.b]</c> or <c>[[a.b]]</c>: returns the table that following key/values go into.</summary>
    private TomlTable ParseTableHeader(TomlTable root)
    {
        var start = _pos;
        _pos++;
        var isArray = Current == '[';
        if (isArray) _pos++;
        SkipWhitespace();
        var key = ParseKey();
        SkipWhitespace();
        if (Current != ']') throw Error(isArray ? "expected ']]' to close the array of tables header" : "expected ']' to close the table header");
        _pos++;
        if (isArray)
        {
            if (Current != ']') throw Error("expected ']]' to close the array of tables header");
            _pos++;
        }
        var headerStart = _lines.PositionOf(start);
        var headerEnd = _lines.PositionOf(_pos);

        // walk the parents: missing ones are created implicitly, arrays of tables mean their last element
        var table = root;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (!table.TryGet(part.Name, out var existing))
            {
                var created = new TomlTable(TomlTableOrigin.Implicit, headerStart, headerEnd);
                table.Add(part.Name, _lines.PositionOf(part.Offset), created);
                table = created;
            }
            else if (existing is TomlTable { Origin: TomlTableOrigin.Inline })
            {
                throw Error(part.Offset, $"cannot add to the inline table '{Join(key, i + 1)}'; inline tables are complete where they are written");
            }
            else if (existing is TomlTable parent)
            {
                table = parent;
            }
            else if (existing is TomlArray { IsArrayOfTables: true } array)
            {
                table = (TomlTable)array.Items[array.Items.Count - 1];
            }
            else
            {
                throw Error(part.Offset, $"'{Join(key, i + 1)}' is already defined as {Article(existing.TypeName)}, not a table");
            }
        }

        var last = key[key.Count - 1];
        var name = Join(key, key.Count);
        table.TryGet(last.Name, out var node);
        if (isArray)
        {
            var element = new TomlTable(TomlTableOrigin.ArrayElement, headerStart, headerEnd);
            if (node is null)
            {
                var array = new TomlArray(isArrayOfTables: true, headerStart, headerEnd);
                array.Items.Add(element);
                table.Add(last.Name, _lines.PositionOf(last.Offset), array);
            }
            else if (node is TomlArray { IsArrayOfTables: true } array)
            {
                array.Items.Add(element);
                array.End = headerEnd;
            }
            else
            {
                throw Error(last.Offset, node is TomlArray
                    ? $"cannot append to the static array '{name}' with an array of tables header"
                    : $"'{name}' is already defined as {Article(node.TypeName)}, not an array of tables");
            }
            return element;
        }

        if (node is null)
        {
            var created = new TomlTable(TomlTableOrigin.Header, headerStart, headerEnd);
            table.Add(last.Name, _lines.PositionOf(last.Offset), created);
            return created;
        }
        if (node is TomlTable { Origin: TomlTableOrigin.Implicit } implicitTable)
        {
            // [a.b] then [a]: a was only named so far; now it is defined, once
            implicitTable.Origin = TomlTableOrigin.Header;
            implicitTable.Start = headerStart;
            implicitTable.End = headerEnd;
            return implicitTable;
        }
        throw Error(last.Offset, node switch
        {
            TomlTable { Origin: TomlTableOrigin.DottedKey } => $"table '{name}' is already defined by dotted keys",
            TomlTable { Origin: TomlTableOrigin.Inline } => $"table '{name}' is already defined as an inline table",
            TomlTable => $"table '{name}' is defined more than once",
            TomlArray { IsArrayOfTables: true } => $"'{name}' is already defined as an array of tables",
            _ => $"'{name}' is already defined as {Article(node.TypeName)}, not a table",
        });
    }

    // ---- keys ---------------------------------------------------------------------------------

    private readonly record struct KeyPart(string Name, int Offset);

    /// <summary>A simple or dotted key: bare, "basic" or 'literal' parts joined by dots.</summary>
    private List<KeyPart> ParseKey()
    {
        var parts = new List<KeyPart>();
        while (true)
        {
            parts.Add(ParseSimpleKey());
            SkipWhitespace();
            if (Current != '.') return parts;
            _pos++;
            SkipWhitespace();
        }
    }

    private KeyPart ParseSimpleKey()
    {
        var start = _pos;
        if (Current == '"')
        {
            if (Peek(1) == '"' && Peek(2) == '"') throw Error("a key cannot be a multi-line string");
            return new KeyPart(ParseBasicString(start).Value, start);
        }
        if (Current == '\'')
        {
            if (Peek(1) == '\'' && Peek(2) == '\'') throw Error("a key cannot be a multi-line string");
            return new KeyPart(ParseLiteralString(start).Value, start);
        }
        while (!AtEnd && IsBareKeyChar(_text[_pos])) _pos++;
        if (_pos == start)
        {
            throw Error(AtEnd || IsNewlineStart(Current) ? "expected a key" : $"expected a key, found {Describe(Current)}");
        }
        return new KeyPart(_text.Substring(start, _pos - start), start);
    }

    private static bool IsBareKeyChar(char c)
        => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-';

    private static string Join(List<KeyPart> key, int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = key[i].Name;
        return string.Join(".", names);
    }

    private static string Article(string typeName) => (typeName[0] is 'a' or 'e' or 'i' or 'o' ? "an " : "a ") + typeName;

    // ---- trivia -------------------------------------------------------------------------------

    private bool AtEnd => _pos >= _text.Length;
    private char Current => _pos < _text.Length ? _text[_pos] : '\0';
    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private static bool IsNewlineStart(char c) => c is '\n' or '\r';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t') _pos++;
    }

    /// <summary>A comment runs to the end of the line; control characters other than tab are not allowed in it.</summary>
    private void SkipComment()
    {
        if (Current != '#') return;
        _pos++;
        while (!AtEnd && !IsNewlineStart(_text[_pos]))
        {
            if (IsForbiddenControl(_text[_pos])) throw Error($"{Describe(_text[_pos])} is not allowed in a comment");
            _pos++;
        }
    }

    private void ExpectNewlineOrEnd()
    {
        if (AtEnd) return;
        if (TrySkipNewline()) return;
        if (_text[_pos] == '\r') throw Error("a carriage return must be followed by a line feed");
        throw Error($"expected the end of the line, found {Describe(_text[_pos])}");
    }

    private bool TrySkipNewline()
    {
        if (Current == '\n')
        {
            _pos++;
            return true;
        }
        if (Current == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
            return true;
        }
        return false;
    }

    /// <summary>Whitespace, newlines and comments, as allowed between array elements.</summary>
    private void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespace();
            SkipComment();
            if (TrySkipNewline()) continue;
            if (Current == '\r') throw Error("a carriage return must be followed by a line feed");
            return;
        }
    }

    private static bool IsForbiddenControl(char c) => c is (< ' ' and not '\t') or '\u007F';

    private static string Describe(char c)
        => c < ' ' || c == '\u007F' ? $"control character U+{(int)c:X4}" : $"'{c}'";

    private TomlSyntaxException Error(string message) => new(message, _pos);
    private static TomlSyntaxException Error(int offset, string message) => new(message, offset);

    /// <summary>Ends parsing at the first error; caught in <see cref="Parse"/> and returned as a <see cref="TomlSyntaxError"/>.</summary>
    private sealed class TomlSyntaxException(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }
}
