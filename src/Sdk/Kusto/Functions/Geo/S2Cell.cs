using System.Globalization;
using System.Numerics;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// S2 cells (s2geometry.io): the sphere is projected onto the six faces of a cube; each face is cut into a
/// quadtree of 30 levels whose cells are numbered along a Hilbert curve. A cell id is 64 bits: the face (3 bits),
/// two bits per level for the Hilbert position of each subdivision, then a single 1 bit that marks the level.
/// A token is the id in hexadecimal without its trailing zeros. Written from the published description of the
/// projection (the quadratic ST↔UV transform) and the Hilbert curve; coordinates are unit vectors (x, y, z).
/// </summary>
internal static class S2Cell
{
    public const int MaxLevel = 30;
    private const int MaxSize = 1 << MaxLevel;

    // Hilbert curve orientation: bit 1 swaps i and j, bit 2 inverts both.
    private const int SwapMask = 1, InvertMask = 2;
    private static readonly int[][] IjToPos = [[0, 1, 3, 2], [0, 3, 1, 2], [2, 3, 1, 0], [2, 1, 3, 0]];
    private static readonly int[][] PosToIj = [[0, 1, 3, 2], [0, 2, 3, 1], [3, 2, 0, 1], [3, 1, 0, 2]];
    private static readonly int[] PosToOrientation = [SwapMask, 0, 0, InvertMask | SwapMask];

    public static (double Lon, double Lat) ToLonLat(Vec3 p)
    {
        var point = Sphere.ToPoint(p);
        return (point.Lon, point.Lat);
    }

    // ---- cube faces ----

    private static Vec3 FaceUvToXyz(int face, double u, double v) => face switch
    {
        0 => new Vec3(1, u, v),
        1 => new Vec3(-u, 1, v),
        2 => new Vec3(-u, -v, 1),
        3 => new Vec3(-1, -v, -u),
        4 => new Vec3(v, -1, -u),
        _ => new Vec3(v, u, -1),
    };

    private static int XyzToFaceUv(Vec3 p, out double u, out double v)
    {
        double ax = Math.Abs(p.X), ay = Math.Abs(p.Y), az = Math.Abs(p.Z);
        var axis = ax > ay ? (ax > az ? 0 : 2) : (ay > az ? 1 : 2);
        var face = axis + ((axis == 0 ? p.X : axis == 1 ? p.Y : p.Z) < 0 ? 3 : 0);
        (u, v) = face switch
        {
            0 => (p.Y / p.X, p.Z / p.X),
            1 => (-p.X / p.Y, p.Z / p.Y),
            2 => (-p.X / p.Z, -p.Y / p.Z),
            3 => (p.Z / p.X, p.Y / p.X),
            4 => (p.Z / p.Y, -p.X / p.Y),
            _ => (-p.Y / p.Z, -p.X / p.Z),
        };
        return face;
    }

    // The quadratic transform that makes cells of one level nearly equal in area.
    private static double StToUv(double s) => s >= 0.5 ? (4 * s * s - 1) / 3 : (1 - 4 * (1 - s) * (1 - s)) / 3;

    private static double UvToSt(double u) => u >= 0 ? 0.5 * Math.Sqrt(1 + 3 * u) : 1 - 0.5 * Math.Sqrt(1 - 3 * u);

    private static int StToIj(double s) => (int)Math.Max(0, Math.Min(MaxSize - 1, Math.Floor(MaxSize * s)));

    // ---- ids ----

    public static ulong LowestBit(int level) => 1UL << (2 * (MaxLevel - level));

    public static int Level(ulong id) => MaxLevel - BitOperations.TrailingZeroCount(id) / 2;

    public static int Face(ulong id) => (int)(id >> 61);

    public static ulong Parent(ulong id, int level)
    {
        var lsb = LowestBit(level);
        return (id & ~(lsb - 1)) | lsb;
    }

    /// <summary>The leaf cell (level 30) at face coordinates (i, j), each in [0, 2^30).</summary>
    public static ulong FromFaceIj(int face, int i, int j)
    {
        var id = (ulong)face;
        var orientation = face & SwapMask;
        for (var k = MaxLevel - 1; k >= 0; k--)
        {
            var ij = (((i >> k) & 1) << 1) | ((j >> k) & 1);
            var pos = IjToPos[orientation][ij];
            id = (id << 2) | (uint)pos;
            orientation ^= PosToOrientation[pos];
        }
        return (id << 1) | 1;
    }

    /// <summary>The face and the (i, j) of the cell's lower-left leaf, and the cell's size in leaves.</summary>
    public static (int Face, int I, int J, int Size) ToFaceIj(ulong id)
    {
        var face = Face(id);
        var level = Level(id);
        var orientation = face & SwapMask;
        int i = 0, j = 0;
        for (var k = 0; k < level; k++)
        {
            var pos = (int)((id >> (61 - 2 * (k + 1))) & 3);
            var ij = PosToIj[orientation][pos];
            i = (i << 1) | (ij >> 1);
            j = (j << 1) | (ij & 1);
            orientation ^= PosToOrientation[pos];
        }
        var shift = MaxLevel - level;
        return (face, i << shift, j << shift, 1 << shift);
    }

    public static ulong FromPoint(Vec3 p, int level)
    {
        var face = XyzToFaceUv(p, out var u, out var v);
        return Parent(FromFaceIj(face, StToIj(UvToSt(u)), StToIj(UvToSt(v))), level);
    }

    public static Vec3 Center(ulong id)
    {
        var (face, i, j, size) = ToFaceIj(id);
        // the centre in units of half a leaf (0 .. 2^31), so no rounding on any level
        double s = (2.0 * i + size) / (2.0 * MaxSize), t = (2.0 * j + size) / (2.0 * MaxSize);
        return FaceUvToXyz(face, StToUv(s), StToUv(t)).Normalized();
    }

    /// <summary>The four corners in S2's order: (u low, v low), (u high, v low), (u high, v high), (u low, v high).</summary>
    public static Vec3[] Vertices(ulong id)
    {
        var (face, i, j, size) = ToFaceIj(id);
        double u0 = StToUv((double)i / MaxSize), u1 = StToUv((double)(i + size) / MaxSize);
        double v0 = StToUv((double)j / MaxSize), v1 = StToUv((double)(j + size) / MaxSize);
        return [FaceUvToXyz(face, u0, v0).Normalized(), FaceUvToXyz(face, u1, v0).Normalized(), FaceUvToXyz(face, u1, v1).Normalized(), FaceUvToXyz(face, u0, v1).Normalized()];
    }

    /// <summary>The leaf at (i, j), which may lie just beyond the face: then it is found on the neighbouring face.</summary>
    private static ulong FromFaceIjWrap(int face, long i, long j)
    {
        i = Math.Max(-1, Math.Min(MaxSize, i));
        j = Math.Max(-1, Math.Min(MaxSize, j));
        // a linear ST→UV is enough here: the point is at most one leaf outside the face, where u and v are ±1
        const double limit = 1 + 2.220446049250313e-16; // 1 + the double epsilon
        var u = Math.Max(-limit, Math.Min(limit, (2.0 * i + 1 - MaxSize) / MaxSize));
        var v = Math.Max(-limit, Math.Min(limit, (2.0 * j + 1 - MaxSize) / MaxSize));
        var newFace = XyzToFaceUv(FaceUvToXyz(face, u, v), out u, out v);
        return FromFaceIj(newFace, StToIj(0.5 * (u + 1)), StToIj(0.5 * (v + 1)));
    }

    private static ulong FromFaceIjSame(int face, long i, long j, bool sameFace)
        => sameFace ? FromFaceIj(face, (int)i, (int)j) : FromFaceIjWrap(face, i, j);

    /// <summary>
    /// The cells of the same level that touch this one along an edge or at a corner, walking the ring below,
    /// beside and above the cell in S2's order; at a cube corner the two diagonal steps reach the same cell once.
    /// </summary>
    public static List<ulong> AllNeighbors(ulong id)
    {
        var level = Level(id);
        var (face, i, j, size) = ToFaceIj(id);
        var result = new List<ulong>();
        void Add(ulong leaf)
        {
            var cell = Parent(leaf, level);
            if (cell != id && !result.Contains(cell)) result.Add(cell);
        }
        for (long k = -size; ; k += size)
        {
            bool sameFace;
            if (k < 0) sameFace = j + k >= 0;
            else if (k >= size) sameFace = j + k < MaxSize;
            else
            {
                sameFace = true;
                Add(FromFaceIjSame(face, i + k, j - size, j - size >= 0));
                Add(FromFaceIjSame(face, i + k, j + size, j + size < MaxSize));
            }
            Add(FromFaceIjSame(face, i - size, j + k, sameFace && i - size >= 0));
            Add(FromFaceIjSame(face, i + size, j + k, sameFace && i + size < MaxSize));
            if (k >= size) break;
        }
        return result;
    }

    // ---- tokens ----

    public static string ToToken(ulong id)
    {
        if (id == 0) return "X";
        return id.ToString("x16", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>Parses a token of 1–16 hexadecimal digits naming a valid cell (face below 6, level bit in place).</summary>
    public static bool TryParseToken(string token, out ulong id)
    {
        id = 0;
        if (token.Length is 0 or > 16) return false;
        foreach (var ch in token)
        {
            var digit = HexDigit(ch);
            if (digit < 0) return false;
            id = (id << 4) | (uint)digit;
        }
        id <<= 4 * (16 - token.Length);
        return IsValid(id);
    }

    public static bool IsValid(ulong id) => id != 0 && Face(id) < 6 && BitOperations.TrailingZeroCount(id) % 2 == 0;

    private static int HexDigit(char ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'a' and <= 'f' => ch - 'a' + 10,
        >= 'A' and <= 'F' => ch - 'A' + 10,
        _ => -1,
    };
}
