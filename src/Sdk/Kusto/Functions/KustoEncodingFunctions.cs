using System.IO.Compression;
using System.Text;
using AzureRules.Sdk.Kusto.Scalars;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// Encodings and parsers of structured text (learn.microsoft.com/kusto/query/*-function): base64 to and from
/// byte arrays and guids, zlib/gzip, punycode (RFC 3492) and IDNA domain labels, parse_version, parse_csv,
/// parse_command_line, and the xxHash64-based hash(). Invalid input gives null or an empty string, as
/// each function documents, never an exception.
/// </summary>
public static class KustoEncodingFunctions
{
    // ---- base64 ----
    /// <summary>base64_decode_toarray(s): the decoded bytes as longs; an empty array when the text is not valid base64.</summary>
    public static KustoValue base64_decode_toarray(KustoValue s)
        => KustoValue.Array(TryBase64(s, out var bytes) ? [.. bytes.Select(b => KustoValue.From((long)b))] : []);

    public static KustoValue base64_encode_fromarray(KustoValue array)
    {
        if (!array.IsArray) return KustoValue.Null;
        var bytes = new byte[array.AsArray.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var v = array.AsArray[i];
            if (!v.IsNumeric || v.AsLong is < 0 or > 255) return KustoValue.Null;
            bytes[i] = (byte)v.AsLong;
        }
        return KustoValue.From(Convert.ToBase64String(bytes));
    }

    /// <summary>base64_decode_toguid(s): 16 bytes read as a guid (the .NET byte layout Kusto uses).</summary>
    public static KustoValue base64_decode_toguid(KustoValue s)
        => TryBase64(s, out var bytes) && bytes.Length == 16 ? KustoValue.From(new Guid(bytes)) : KustoValue.Null;

    public static KustoValue base64_encode_fromguid(KustoValue g)
        => g.Type == KustoType.Guid ? KustoValue.From(Convert.ToBase64String(g.AsGuid.ToByteArray())) : KustoValue.Null;

    /// <summary>Base64 text to bytes; malformed text (unpadded included, as the documentation's example shows) fails.</summary>
    private static bool TryBase64(KustoValue s, out byte[] bytes)
    {
        bytes = [];
        var text = KustoStrings.Text(s).Trim();
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var written)) return false;
        bytes = buffer[..written];
        return true;
    }

    // ---- compression: UTF-8 text ⇄ base64 of the compressed bytes ----
    public static KustoValue zlib_compress_to_base64_string(KustoValue s) => Compress(s, stream => new ZLibStream(stream, CompressionLevel.Optimal, leaveOpen: true));
    public static KustoValue gzip_compress_to_base64_string(KustoValue s) => Compress(s, stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true));
    public static KustoValue zlib_decompress_from_base64_string(KustoValue s) => Decompress(s, stream => new ZLibStream(stream, CompressionMode.Decompress));
    public static KustoValue gzip_decompress_from_base64_string(KustoValue s) => Decompress(s, stream => new GZipStream(stream, CompressionMode.Decompress));

    private static KustoValue Compress(KustoValue s, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var compressor = open(output))
        {
            var bytes = Encoding.UTF8.GetBytes(KustoStrings.Text(s));
            compressor.Write(bytes, 0, bytes.Length);
        }
        return KustoValue.From(Convert.ToBase64String(output.ToArray()));
    }

    /// <summary>Decompressed output is capped (a rule's input must not expand without bound); over the cap, or invalid, gives an empty string.</summary>
    private static KustoValue Decompress(KustoValue s, Func<Stream, Stream> open)
    {
        const int Limit = 16 * 1024 * 1024;
        if (!TryBase64(s, out var bytes)) return KustoValue.EmptyString;
        try
        {
            using var input = new MemoryStream(bytes);
            using var decompressor = open(input);
            using var output = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > Limit) return KustoValue.EmptyString;
                output.Write(buffer, 0, read);
            }
            return KustoValue.From(Encoding.UTF8.GetString(output.ToArray()));
        }
        catch (InvalidDataException)
        {
            return KustoValue.EmptyString;
        }
    }

    // ---- punycode ----
    public static KustoValue punycode_from_string(KustoValue s) => Punycode.TryEncode(KustoStrings.Text(s), out var r) ? KustoValue.From(r) : KustoValue.EmptyString;
    public static KustoValue punycode_to_string(KustoValue s) => Punycode.TryDecode(KustoStrings.Text(s), out var r) ? KustoValue.From(r) : KustoValue.EmptyString;

    /// <summary>Dots IDNA treats as label separators: full stop, ideographic, fullwidth and halfwidth ideographic full stops.</summary>
    private static readonly char[] LabelSeparators = ['.', '\u3002', '\uFF0E', '\uFF61'];

    /// <summary>punycode_domain_to_string (encodes, despite the name): every label that is not plain ASCII becomes "xn--" + its punycode.</summary>
    public static KustoValue punycode_domain_to_string(KustoValue s)
    {
        var labels = KustoStrings.Text(s).Split(LabelSeparators);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i].All(c => c < 128)) continue;
            if (!Punycode.TryEncode(labels[i], out var encoded)) return KustoValue.EmptyString;
            labels[i] = "xn--" + encoded;
        }
        return KustoValue.From(string.Join('.', labels));
    }

    /// <summary>punycode_domain_from_string (decodes): every "xn--" label is decoded.</summary>
    public static KustoValue punycode_domain_from_string(KustoValue s)
    {
        var labels = KustoStrings.Text(s).Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            if (!labels[i].StartsWith("xn--", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Punycode.TryDecode(labels[i][4..], out var decoded)) return KustoValue.EmptyString;
            labels[i] = decoded;
        }
        return KustoValue.From(string.Join('.', labels));
    }

    // ---- parse_version ----

    /// <summary>
    /// parse_version("a[.b[.c[.d]]]"): one to four parts of at most eight digits each, as a decimal whose
    /// digits are the parts each padded to eight (so versions compare as numbers); null when malformed.
    /// </summary>
    public static KustoValue parse_version(KustoValue s)
    {
        var parts = KustoStrings.Text(s).Trim().Split('.');
        if (parts.Length is < 1 or > 4) return KustoValue.Null;
        decimal value = 0;
        for (var i = 0; i < 4; i++)
        {
            long part = 0;
            if (i < parts.Length)
            {
                var p = parts[i];
                if (p.Length is 0 or > 8 || !p.All(char.IsAsciiDigit)) return KustoValue.Null;
                part = long.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
            }
            value = value * 100_000_000m + part;
        }
        return KustoValue.From(value);
    }

    // ---- parse_csv and parse_command_line ----

    /// <summary>parse_csv(s): the fields of one CSV record (RFC 4180 quoting: "" inside quotes is a quote).</summary>
    public static KustoValue parse_csv(KustoValue s) => KustoValue.Array([.. KustoCsv.SplitRecord(KustoStrings.Text(s)).Select(KustoValue.From)]);

    /// <summary>
    /// parse_command_line(command, "windows"): the arguments as Windows' CommandLineToArgvW splits them
    /// (whitespace separates, quotes group, 2n backslashes before a quote are n backslashes, 2n+1 escape it).
    /// Other parser types are not defined by Kusto and give null.
    /// </summary>
    public static KustoValue parse_command_line(KustoValue command, KustoValue parserType)
    {
        if (!string.Equals(KustoStrings.Text(parserType), "windows", StringComparison.OrdinalIgnoreCase)) return KustoValue.Null;
        var text = KustoStrings.Text(command);
        var args = new List<KustoValue>();
        var current = new StringBuilder();
        bool inQuotes = false, any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                var run = 0;
                while (i < text.Length && text[i] == '\\') { run++; i++; }
                if (i < text.Length && text[i] == '"')
                {
                    current.Append('\\', run / 2);
                    if (run % 2 == 1) current.Append('"'); else inQuotes = !inQuotes;
                }
                else { current.Append('\\', run); i--; }
                any = true;
            }
            else if (c == '"') { inQuotes = !inQuotes; any = true; }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (any) { args.Add(KustoValue.From(current.ToString())); current.Clear(); any = false; }
            }
            else { current.Append(c); any = true; }
        }
        if (any) args.Add(KustoValue.From(current.ToString()));
        return KustoValue.Array([.. args]);
    }

    // ---- hash ----
    public static KustoValue hash(KustoValue v) => hash_xxhash64(v);
    public static KustoValue hash(KustoValue v, KustoValue modulo) => hash_xxhash64(v, modulo);

    public static KustoValue hash_xxhash64(KustoValue v) => v.IsNull ? KustoValue.Null : KustoValue.From((long)XxHash64.Hash(HashBytes(v)));

    /// <summary>hash_xxhash64(v, mod): the hash modulo mod, non-negative.</summary>
    public static KustoValue hash_xxhash64(KustoValue v, KustoValue modulo)
    {
        if (v.IsNull || !modulo.IsNumeric || modulo.AsLong <= 0) return KustoValue.Null;
        return KustoValue.From((long)(XxHash64.Hash(HashBytes(v)) % (ulong)modulo.AsLong));
    }

    /// <summary>The bytes a value hashes as: strings as UTF-8, fixed-size values as their little-endian bits.</summary>
    private static byte[] HashBytes(KustoValue v) => v.Type switch
    {
        KustoType.Int => BitConverter.GetBytes((int)v.AsLong),
        KustoType.Long or KustoType.DateTime or KustoType.TimeSpan => BitConverter.GetBytes(v.Ticks),
        KustoType.Real => BitConverter.GetBytes(v.AsDouble),
        KustoType.Bool => [(byte)(v.AsBool ? 1 : 0)],
        KustoType.Guid => v.AsGuid.ToByteArray(),
        _ => Encoding.UTF8.GetBytes(KustoStrings.Text(v)),
    };
}
