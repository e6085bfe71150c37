using System.Runtime.CompilerServices;

namespace AzureRules.Sdk.Kusto;

/// <summary>
/// One Kusto scalar: a type tag, 64 bits for the fixed-size types (bool, int, long, real, datetime and
/// timespan ticks) and a reference for the rest (string, decimal, guid, dynamic array or bag). A struct,
/// so rows of values and expression results do not allocate per value.
/// </summary>
public readonly struct KustoValue : IEquatable<KustoValue>
{
    private readonly long _bits;
    private readonly object? _ref;

    public KustoType Type { get; }

    private KustoValue(KustoType type, long bits, object? reference)
    {
        Type = type;
        _bits = bits;
        _ref = reference;
    }

    public static readonly KustoValue Null = default;
    public static readonly KustoValue True = new(KustoType.Bool, 1, null);
    public static readonly KustoValue False = new(KustoType.Bool, 0, null);
    public static readonly KustoValue EmptyString = new(KustoType.String, 0, "");

    public static KustoValue From(bool value) => value ? True : False;
    public static KustoValue FromInt(int value) => new(KustoType.Int, value, null);
    public static KustoValue From(long value) => new(KustoType.Long, value, null);
    public static KustoValue From(double value) => new(KustoType.Real, BitConverter.DoubleToInt64Bits(value), null);
    public static KustoValue From(decimal value) => new(KustoType.Decimal, 0, value);
    public static KustoValue From(string? value) => value is null ? Null : new(KustoType.String, 0, value);
    public static KustoValue From(DateTime value) => new(KustoType.DateTime, value.Ticks, null);
    public static KustoValue From(TimeSpan value) => new(KustoType.TimeSpan, value.Ticks, null);
    public static KustoValue From(Guid value) => new(KustoType.Guid, 0, value);
    public static KustoValue FromTicks(KustoType type, long ticks) => new(type, ticks, null);
    public static KustoValue Array(KustoValue[] items) => new(KustoType.Dynamic, 0, items);
    public static KustoValue Bag(KustoBag bag) => new(KustoType.Dynamic, 0, bag);

    /// <summary>A typed null (Kusto columns keep their type when a value is null).</summary>
    public static KustoValue NullOf(KustoType type) => type == KustoType.String ? EmptyString : Null;

    public bool IsNull => Type == KustoType.Null;
    public bool IsString => Type == KustoType.String;
    public bool IsArray => _ref is KustoValue[];
    public bool IsBag => _ref is KustoBag;
    public bool IsNumeric => KustoTypes.IsNumeric(Type);

    /// <summary>True only for the bool true: a null or non-bool predicate does not pass a filter.</summary>
    public bool IsTrue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Type == KustoType.Bool && _bits != 0;
    }

    public bool AsBool => _bits != 0;
    public long AsLong => Type switch
    {
        KustoType.Real => (long)AsDouble,
        KustoType.Decimal => (long)(decimal)_ref!,
        _ => _bits,
    };

    public double AsDouble => Type switch
    {
        KustoType.Real => BitConverter.Int64BitsToDouble(_bits),
        KustoType.Decimal => (double)(decimal)_ref!,
        _ => _bits,
    };

    public decimal AsDecimal => Type switch
    {
        KustoType.Decimal => (decimal)_ref!,
        KustoType.Real => (decimal)AsDouble,
        _ => _bits,
    };

    public long Ticks => _bits;
    public DateTime AsDateTime => new(_bits, DateTimeKind.Utc);
    public TimeSpan AsTimeSpan => new(_bits);
    public Guid AsGuid => (Guid)_ref!;
    public string AsString => _ref as string ?? "";
    public KustoValue[] AsArray => (KustoValue[])_ref!;
    public KustoBag AsBag => (KustoBag)_ref!;

    /// <summary>The string value, or null when the value is not a string.</summary>
    public string? StringOrNull => _ref as string;

    // ---- equality for grouping and join keys: same value of the same type (int and long alike) ----

    public bool Equals(KustoValue other)
    {
        var a = Type == KustoType.Int ? KustoType.Long : Type;
        var b = other.Type == KustoType.Int ? KustoType.Long : other.Type;
        if (a != b) return false;
        return a switch
        {
            KustoType.Null => true,
            KustoType.String => string.Equals((string)_ref!, (string)other._ref!, StringComparison.Ordinal),
            KustoType.Decimal or KustoType.Guid => _ref!.Equals(other._ref),
            KustoType.Dynamic => KustoDynamicEquality.Equal(this, other),
            _ => _bits == other._bits,
        };
    }

    public override bool Equals(object? obj) => obj is KustoValue other && Equals(other);

    public override int GetHashCode() => Type switch
    {
        KustoType.Null => 0,
        KustoType.String => StringComparer.Ordinal.GetHashCode((string)_ref!),
        KustoType.Decimal or KustoType.Guid => _ref!.GetHashCode(),
        KustoType.Dynamic => KustoDynamicEquality.Hash(this),
        _ => _bits.GetHashCode(),
    };

    public static bool operator ==(KustoValue left, KustoValue right) => left.Equals(right);
    public static bool operator !=(KustoValue left, KustoValue right) => !left.Equals(right);

    /// <summary>Kusto's tostring(): the text a query result shows for the value (null → "").</summary>
    public override string ToString() => KustoFormat.ToText(this);

    public static implicit operator KustoValue(string? value) => From(value);
    public static implicit operator KustoValue(long value) => From(value);
    public static implicit operator KustoValue(double value) => From(value);
    public static implicit operator KustoValue(bool value) => From(value);
    public static implicit operator KustoValue(DateTime value) => From(value);
    public static implicit operator KustoValue(TimeSpan value) => From(value);
}
