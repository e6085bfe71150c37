using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AzureRules.Sdk.Esql;

/// <summary>
/// A GROK pattern: <c>%{SYNTAX:name:type}</c> references to the named patterns below (Elasticsearch's
/// legacy grok library, written without look-arounds or atomic groups so that they run on the
/// non-backtracking engine), expanded to one regex. A capture named twice gives a multi-value.
/// </summary>
public sealed class EsqlGrokPattern
{
    private const int MaxDepth = 16;
    private static readonly Regex Reference = new(@"%\{(\w+)(?::([\w.@\[\]]+))?(?::(\w+))?\}", RegexOptions.CultureInvariant);

    private readonly string _pattern;
    private Regex? _regex;
    private (string Group, int Column)[] _groups = [];
    private (string Name, EsqlDataType Type)[]? _columns;

    /// <summary>The pattern is expanded and compiled on first use, so a bad one fails the query run, not the rule's loading.</summary>
    public EsqlGrokPattern(string pattern) => _pattern = pattern;

    public (string Name, EsqlDataType Type)[] Columns
    {
        get
        {
            if (_columns is null)
            {
                var columns = new List<(string Name, EsqlDataType Type)>();
                var groups = new List<(string, int)>();
                var expanded = Expand(_pattern, 0, columns, groups);
                _regex = EsqlRegex.Create(expanded);
                _groups = [.. groups];
                _columns = [.. columns];
            }
            return _columns;
        }
    }

    public object?[]? Match(string text)
    {
        _ = Columns; // compiles on first use
        var match = _regex!.Match(text);
        if (!match.Success) return null;
        var values = Columns.Select(_ => new List<object>()).ToArray();
        foreach (var (group, column) in _groups)
        {
            var g = match.Groups[group];
            if (!g.Success) continue;
            if (Convert(g.Value, Columns[column].Type) is { } value) values[column].Add(value);
        }
        return values.Select(v => EsqlMulti.Of(v)).ToArray();
    }

    private static object? Convert(string text, EsqlDataType type) => type switch
    {
        EsqlDataType.Integer => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
        EsqlDataType.Long => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
        EsqlDataType.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        EsqlDataType.Boolean => bool.TryParse(text, out var b) ? b : null,
        _ => text,
    };

    private string Expand(string pattern, int depth, List<(string Name, EsqlDataType Type)> columns, List<(string, int)> groups)
    {
        if (depth > MaxDepth) throw new FormatException("grok pattern nests too deeply");
        var builder = new StringBuilder();
        var last = 0;
        // named groups written as (?<name>…) keep their names as columns
        pattern = Regex.Replace(pattern, @"\(\?<([A-Za-z_][\w.@]*)>", m =>
        {
            var group = "g" + groups.Count;
            groups.Add((group, Column(columns, m.Groups[1].Value, EsqlDataType.Keyword)));
            return "(?<" + group + ">";
        });
        foreach (Match reference in Reference.Matches(pattern))
        {
            builder.Append(pattern, last, reference.Index - last);
            last = reference.Index + reference.Length;
            var syntax = reference.Groups[1].Value;
            if (!Library.TryGetValue(syntax, out var body)) throw new FormatException($"Unable to find pattern [{syntax}] in Grok's pattern dictionary");
            var inner = Expand(body, depth + 1, columns, groups);
            if (!reference.Groups[2].Success) { builder.Append("(?:").Append(inner).Append(')'); continue; }
            var type = reference.Groups[3].Value.ToLowerInvariant() switch
            {
                "int" => EsqlDataType.Integer,
                "long" => EsqlDataType.Long,
                "float" or "double" => EsqlDataType.Double,
                "boolean" => EsqlDataType.Boolean,
                _ => EsqlDataType.Keyword,
            };
            var name = "g" + groups.Count;
            groups.Add((name, Column(columns, reference.Groups[2].Value, type)));
            builder.Append("(?<").Append(name).Append('>').Append(inner).Append(')');
        }
        builder.Append(pattern, last, pattern.Length - last);
        return builder.ToString();
    }

    private static int Column(List<(string Name, EsqlDataType Type)> columns, string name, EsqlDataType type)
    {
        var index = columns.FindIndex(c => c.Name == name);
        if (index >= 0) return index;
        columns.Add((name, type));
        return columns.Count - 1;
    }

    private static readonly Dictionary<string, string> Library = new(StringComparer.Ordinal)
    {
        ["USERNAME"] = @"[a-zA-Z0-9._-]+",
        ["USER"] = @"%{USERNAME}",
        ["EMAILLOCALPART"] = @"[a-zA-Z0-9!#$%&'*+\-/=?^_`{|}~]{1,64}(?:\.[a-zA-Z0-9!#$%&'*+\-/=?^_`{|}~]{1,62}){0,63}",
        ["EMAILADDRESS"] = @"%{EMAILLOCALPART}@%{HOSTNAME}",
        ["INT"] = @"[+-]?[0-9]+",
        ["BASE10NUM"] = @"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)",
        ["NUMBER"] = @"%{BASE10NUM}",
        ["BASE16NUM"] = @"[+-]?(?:0x)?[0-9A-Fa-f]+",
        ["BASE16FLOAT"] = @"[+-]?(?:0x)?(?:[0-9A-Fa-f]+(?:\.[0-9A-Fa-f]*)?|\.[0-9A-Fa-f]+)",
        ["POSINT"] = @"[1-9][0-9]*",
        ["NONNEGINT"] = @"[0-9]+",
        ["WORD"] = @"\b\w+\b",
        ["NOTSPACE"] = @"\S+",
        ["SPACE"] = @"\s*",
        ["DATA"] = @".*?",
        ["GREEDYDATA"] = @".*",
        ["QUOTEDSTRING"] = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`(?:[^`\\\\]|\\\\.)*`)",
        ["QS"] = @"%{QUOTEDSTRING}",
        ["UUID"] = @"[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}",
        ["URN"] = @"urn:[0-9A-Za-z][0-9A-Za-z-]{0,31}:(?:%[0-9a-fA-F]{2}|[0-9A-Za-z()+,.:=@;$_!*'/?#-])+",
        ["MAC"] = @"(?:%{CISCOMAC}|%{WINDOWSMAC}|%{COMMONMAC})",
        ["CISCOMAC"] = @"(?:[A-Fa-f0-9]{4}\.){2}[A-Fa-f0-9]{4}",
        ["WINDOWSMAC"] = @"(?:[A-Fa-f0-9]{2}-){5}[A-Fa-f0-9]{2}",
        ["COMMONMAC"] = @"(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2}",
        ["IPV6"] = @"(?:(?:[0-9A-Fa-f]{1,4}:){7}(?:[0-9A-Fa-f]{1,4}|:)|(?:[0-9A-Fa-f]{1,4}:){6}(?::[0-9A-Fa-f]{1,4}|%{IPV4}|:)|(?:[0-9A-Fa-f]{1,4}:){5}(?:(?::[0-9A-Fa-f]{1,4}){1,2}|:%{IPV4}|:)|(?:[0-9A-Fa-f]{1,4}:){4}(?:(?::[0-9A-Fa-f]{1,4}){1,3}|(?::[0-9A-Fa-f]{1,4})?:%{IPV4}|:)|(?:[0-9A-Fa-f]{1,4}:){3}(?:(?::[0-9A-Fa-f]{1,4}){1,4}|(?::[0-9A-Fa-f]{1,4}){0,2}:%{IPV4}|:)|(?:[0-9A-Fa-f]{1,4}:){2}(?:(?::[0-9A-Fa-f]{1,4}){1,5}|(?::[0-9A-Fa-f]{1,4}){0,3}:%{IPV4}|:)|(?:[0-9A-Fa-f]{1,4}:){1}(?:(?::[0-9A-Fa-f]{1,4}){1,6}|(?::[0-9A-Fa-f]{1,4}){0,4}:%{IPV4}|:)|:(?:(?::[0-9A-Fa-f]{1,4}){1,7}|(?::[0-9A-Fa-f]{1,4}){0,5}:%{IPV4}|:))(?:%.+)?",
        ["IPV4"] = @"(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])",
        ["IP"] = @"(?:%{IPV6}|%{IPV4})",
        ["HOSTNAME"] = @"\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*\.?\b",
        ["HOST"] = @"%{HOSTNAME}",
        ["IPORHOST"] = @"(?:%{IP}|%{HOSTNAME})",
        ["HOSTPORT"] = @"%{IPORHOST}:%{POSINT}",
        ["PATH"] = @"(?:%{UNIXPATH}|%{WINPATH})",
        ["UNIXPATH"] = @"(?:/[\w_%!$@:.,+~-]*)+",
        ["TTY"] = @"(?:/dev/(?:pts|tty(?:[pq])?)(?:\w+)?/?(?:[0-9]+))",
        ["WINPATH"] = @"(?:[A-Za-z]+:|\\)(?:\\[^\\?*]*)+",
        ["URIPROTO"] = @"[A-Za-z](?:[A-Za-z0-9+\-.]+)+",
        ["URIHOST"] = @"%{IPORHOST}(?::%{POSINT})?",
        ["URIPATH"] = @"(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%&_\-]*)+",
        ["URIQUERY"] = @"[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\-\[\]<>]*",
        ["URIPARAM"] = @"\?%{URIQUERY}",
        ["URIPATHPARAM"] = @"%{URIPATH}(?:\?%{URIQUERY})?",
        ["URI"] = @"%{URIPROTO}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST})?(?:%{URIPATH}(?:\?%{URIQUERY})?)?",
        ["MONTH"] = @"\b(?:[Jj]an(?:uary|uar)?|[Ff]eb(?:ruary|ruar)?|[Mm](?:a|ä)?r(?:ch|z)?|[Aa]pr(?:il)?|[Mm]a(?:y|i)?|[Jj]un(?:e|i)?|[Jj]ul(?:y|i)?|[Aa]ug(?:ust)?|[Ss]ep(?:tember)?|[Oo](?:c|k)?t(?:ober)?|[Nn]ov(?:ember)?|[Dd]e(?:c|z)(?:ember)?)\b",
        ["MONTHNUM"] = @"(?:0?[1-9]|1[0-2])",
        ["MONTHNUM2"] = @"(?:0[1-9]|1[0-2])",
        ["MONTHDAY"] = @"(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])",
        ["DAY"] = @"(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)",
        ["YEAR"] = @"(?:\d\d){1,2}",
        ["HOUR"] = @"(?:2[0123]|[01]?[0-9])",
        ["MINUTE"] = @"(?:[0-5][0-9])",
        ["SECOND"] = @"(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)",
        ["TIME"] = @"%{HOUR}:%{MINUTE}(?::%{SECOND})",
        ["DATE_US"] = @"%{MONTHNUM}[/-]%{MONTHDAY}[/-]%{YEAR}",
        ["DATE_EU"] = @"%{MONTHDAY}[./-]%{MONTHNUM}[./-]%{YEAR}",
        ["ISO8601_TIMEZONE"] = @"(?:Z|[+-]%{HOUR}(?::?%{MINUTE}))",
        ["ISO8601_SECOND"] = @"%{SECOND}",
        ["TIMESTAMP_ISO8601"] = @"%{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ]%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?",
        ["DATE"] = @"%{DATE_US}|%{DATE_EU}",
        ["DATESTAMP"] = @"%{DATE}[- ]%{TIME}",
        ["TZ"] = @"(?:[APMCE][SD]T|UTC)",
        ["DATESTAMP_RFC822"] = @"%{DAY} %{MONTH} %{MONTHDAY} %{YEAR} %{TIME} %{TZ}",
        ["DATESTAMP_RFC2822"] = @"%{DAY}, %{MONTHDAY} %{MONTH} %{YEAR} %{TIME} %{ISO8601_TIMEZONE}",
        ["DATESTAMP_OTHER"] = @"%{DAY} %{MONTH} %{MONTHDAY} %{TIME} %{TZ} %{YEAR}",
        ["DATESTAMP_EVENTLOG"] = @"%{YEAR}%{MONTHNUM2}%{MONTHDAY}%{HOUR}%{MINUTE}%{SECOND}",
        ["SYSLOGTIMESTAMP"] = @"%{MONTH} +%{MONTHDAY} %{TIME}",
        ["PROG"] = @"[\x21-\x5a\x5c\x5e-\x7e]+",
        ["SYSLOGPROG"] = @"%{PROG:program}(?:\[%{POSINT:pid}\])?",
        ["SYSLOGHOST"] = @"%{IPORHOST}",
        ["SYSLOGFACILITY"] = @"<%{NONNEGINT:facility}.%{NONNEGINT:priority}>",
        ["HTTPDATE"] = @"%{MONTHDAY}/%{MONTH}/%{YEAR}:%{TIME} %{INT}",
        ["QUOTEDSTRING_NOQUOTES"] = "[^\"]*",
        ["LOGLEVEL"] = @"(?:[Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE|[Ii]nfo?(?:rmation)?|INFO?(?:RMATION)?|[Ww]arn?(?:ing)?|WARN?(?:ING)?|[Ee]rr?(?:or)?|ERR?(?:OR)?|[Cc]rit?(?:ical)?|CRIT?(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|EMERG(?:ENCY)?|[Ee]merg(?:ency)?)",
    };
}
