using System.Globalization;

namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// The H3 cell index (h3geo.org/docs/core-library/h3Indexing): 64 bits holding a reserved 0 bit, the mode (4 bits,
/// 1 for a cell), 3 reserved bits, the resolution (4 bits, 0–15), the base cell (7 bits, 0–121) and fifteen 3-bit digits,
/// one per resolution, each the child (0–6) taken at that resolution; digits past the cell's resolution are 7.
/// Parents and children are pure digit arithmetic; cells of the twelve pentagon base cells have no child 1 (the
/// deleted K axis) where they are still pentagons.
/// </summary>
internal static class H3Index
{
    public const int MaxResolution = 15;
    private const int BaseCellCount = 122;
    private const int DigitBits = 3;
    private const int ResolutionOffset = 52, BaseCellOffset = 45, ModeOffset = 59;
    private const ulong CellMode = 1;
    private const int Unused = 7, KAxis = 1;
    private static readonly HashSet<int> PentagonBaseCells = [4, 14, 24, 38, 49, 58, 63, 72, 83, 97, 107, 117];

    public static int Resolution(ulong h) => (int)((h >> ResolutionOffset) & 0xF);
    private static int BaseCell(ulong h) => (int)((h >> BaseCellOffset) & 0x7F);
    private static int DigitOffset(int resolution) => (MaxResolution - resolution) * DigitBits;
    private static int Digit(ulong h, int resolution) => (int)((h >> DigitOffset(resolution)) & 7);

    private static ulong WithDigit(ulong h, int resolution, int digit)
        => (h & ~(7UL << DigitOffset(resolution))) | ((ulong)digit << DigitOffset(resolution));

    private static ulong WithResolution(ulong h, int resolution)
        => (h & ~(0xFUL << ResolutionOffset)) | ((ulong)resolution << ResolutionOffset);

    public static bool TryParse(string token, out ulong h)
    {
        h = 0;
        return token.Length is > 0 and <= 16 && ulong.TryParse(token, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out h) && IsValidCell(h);
    }

    public static string ToToken(ulong h) => h.ToString("x", CultureInfo.InvariantCulture);

    public static bool IsValidCell(ulong h)
    {
        if (h >> 63 != 0 || ((h >> ModeOffset) & 0xF) != CellMode || ((h >> 56) & 7) != 0) return false;
        if (BaseCell(h) >= BaseCellCount) return false;
        var resolution = Resolution(h);
        var firstNonZero = 0;
        for (var r = 1; r <= MaxResolution; r++)
        {
            var digit = Digit(h, r);
            if (r > resolution) { if (digit != Unused) return false; continue; }
            if (digit == Unused) return false;
            if (firstNonZero == 0 && digit != 0) firstNonZero = digit;
        }
        // a pentagon's first step off its centre never goes along the deleted K axis
        return !(PentagonBaseCells.Contains(BaseCell(h)) && firstNonZero == KAxis);
    }

    /// <summary>The containing cell at a coarser (or the same) resolution.</summary>
    public static ulong Parent(ulong h, int resolution)
    {
        var parent = WithResolution(h, resolution);
        for (var r = resolution + 1; r <= MaxResolution; r++) parent = WithDigit(parent, r, Unused);
        return parent;
    }

    /// <summary>Whether the cell is a pentagon: a pentagon base cell and no step off its centre yet.</summary>
    private static bool IsPentagon(ulong h)
    {
        if (!PentagonBaseCells.Contains(BaseCell(h))) return false;
        for (var r = 1; r <= Resolution(h); r++)
            if (Digit(h, r) != 0) return false;
        return true;
    }

    /// <summary>The cells at a finer (or the same) resolution inside this one, in digit order.</summary>
    public static List<ulong> Children(ulong h, int resolution)
    {
        var cells = new List<ulong> { h };
        for (var r = Resolution(h) + 1; r <= resolution; r++)
        {
            var next = new List<ulong>(cells.Count * 7);
            foreach (var cell in cells)
            {
                var pentagon = IsPentagon(cell);
                var widened = WithResolution(cell, r);
                for (var digit = 0; digit < 7; digit++)
                    if (!(pentagon && digit == KAxis)) next.Add(WithDigit(widened, r, digit));
            }
            cells = next;
        }
        return cells;
    }
}
