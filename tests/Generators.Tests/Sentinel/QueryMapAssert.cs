using AzureRules.Generators.Diagnostics;
using Xunit;

namespace AzureRules.Generators.Tests.Sentinel;

/// <summary>The invariant of a query map: every query character maps to the file character it was read from.</summary>
internal static class QueryMapAssert
{
    /// <summary>The query offsets whose mapped file character differs (whitespace is skipped: folds turn breaks into spaces).</summary>
    public static List<int> Mismatches(QueryText query, string file)
    {
        var lines = new TextLines(file);
        var bad = new List<int>();
        for (var i = 0; i < query.Text.Length; i++)
        {
            var c = query.Text[i];
            if (char.IsWhiteSpace(c)) continue;
            var position = query.MapOffset(i);
            var expected = lines.PositionOf(position.Offset);
            var fileChar = position.Offset < file.Length ? file[position.Offset] : '\0';
            // an escape sequence ("\t", '') maps to its first character
            if (fileChar is '\\' or '\'') continue;
            if (fileChar != c || expected.Line != position.Line || expected.Column != position.Column) bad.Add(i);
        }
        return bad;
    }

    public static void EveryCharacterMapsToItself(QueryText query, string file)
    {
        var bad = Mismatches(query, file);
        Assert.True(bad.Count == 0, bad.Count == 0 ? "" :
            $"{bad.Count} query characters map elsewhere; first at query offset {bad[0]} ('{query.Text[bad[0]]}') → {query.MapOffset(bad[0])}");
    }
}
