namespace AzureRules.Sdk.Kusto.Functions;

/// <summary>
/// <c>convert_angle</c>, <c>convert_energy</c>, <c>convert_force</c>, <c>convert_length</c>, <c>convert_mass</c>,
/// <c>convert_speed</c>, <c>convert_temperature</c>, <c>convert_volume</c>: a value from one unit to another, with the
/// unit names the Kusto documentation lists (the UnitsNet names). A unit the function does not know, or a null
/// argument, gives null. Each unit is its factor to the quantity's base unit (degree, joule, newton, meter,
/// kilogram, meter per second, cubic meter); temperatures are affine and converted through kelvin.
/// </summary>
public static class KustoConversionFunctions
{
    private const double Pi = Math.PI;
    private const double UsGallon = 0.003785411784;
    private const double CubicFoot = 0.0283168;
    private const double Btu = 1055.05585262;
    private const double ElectronVolt = 1.602176565e-19;
    private const double UsSurveyFoot = 1200.0 / 3937.0;
    private const double LightYear = 9.46073047258e15;
    private const double Parsec = 3.08567758128e16;

    public static KustoValue convert_angle(KustoValue value, KustoValue from, KustoValue to)
    {
        // a tilt is the sine of the angle, the one angle unit that is not a factor of degrees
        if (value.IsNumeric && from.Type == KustoType.String && to.Type == KustoType.String
            && (Is(from, "Tilt") || Is(to, "Tilt")) && Angle.ContainsKey(from.AsString) && Angle.ContainsKey(to.AsString))
        {
            var degrees = Is(from, "Tilt") ? Math.Asin(value.AsDouble) * 180 / Pi : value.AsDouble * Angle[from.AsString];
            return KustoValue.From(Is(to, "Tilt") ? Math.Sin(degrees * Pi / 180) : degrees / Angle[to.AsString]);
        }
        return Convert(value, from, to, Angle);
    }

    public static KustoValue convert_energy(KustoValue value, KustoValue from, KustoValue to) => Convert(value, from, to, Energy);
    public static KustoValue convert_force(KustoValue value, KustoValue from, KustoValue to) => Convert(value, from, to, Force);
    public static KustoValue convert_length(KustoValue value, KustoValue from, KustoValue to) => Convert(value, from, to, Length);
    public static KustoValue convert_mass(KustoValue value, KustoValue from, KustoValue to) => Convert(value, from, to, Mass);
    public static KustoValue convert_speed(KustoValue value, KustoValue from, KustoValue to) => Convert(value, from, to, Speed);
    public static KustoValue convert_volume(KustoValue value, KustoValue from, KustoValue to) => Convert(value, from, to, Volume);

    public static KustoValue convert_temperature(KustoValue value, KustoValue from, KustoValue to)
    {
        if (!value.IsNumeric || from.Type != KustoType.String || to.Type != KustoType.String) return KustoValue.Null;
        if (ToKelvin(from.AsString, value.AsDouble) is not { } kelvin || FromKelvin(to.AsString, kelvin) is not { } result) return KustoValue.Null;
        return KustoValue.From(result);
    }

    private static bool Is(KustoValue unit, string name) => string.Equals(unit.AsString, name, StringComparison.OrdinalIgnoreCase);

    private static KustoValue Convert(KustoValue value, KustoValue from, KustoValue to, Dictionary<string, double> units)
    {
        if (!value.IsNumeric || from.Type != KustoType.String || to.Type != KustoType.String) return KustoValue.Null;
        if (!units.TryGetValue(from.AsString, out var f) || !units.TryGetValue(to.AsString, out var t)) return KustoValue.Null;
        return KustoValue.From(f == t ? value.AsDouble : value.AsDouble * f / t);
    }

    private static double? ToKelvin(string unit, double x) => unit.ToLowerInvariant() switch
    {
        "kelvin" => x,
        "degreecelsius" => x + 273.15,
        "millidegreecelsius" => x / 1000 + 273.15,
        "degreefahrenheit" => (x + 459.67) * 5 / 9,
        "degreerankine" => x * 5 / 9,
        "degreedelisle" => 373.15 - x * 2 / 3,
        "degreenewton" => x * 100 / 33 + 273.15,
        "degreereaumur" => x * 5 / 4 + 273.15,
        "degreeroemer" => (x - 7.5) * 40 / 21 + 273.15,
        "solartemperature" => x * 5778,
        _ => null,
    };

    private static double? FromKelvin(string unit, double k) => unit.ToLowerInvariant() switch
    {
        "kelvin" => k,
        "degreecelsius" => k - 273.15,
        "millidegreecelsius" => (k - 273.15) * 1000,
        "degreefahrenheit" => k * 9 / 5 - 459.67,
        "degreerankine" => k * 9 / 5,
        "degreedelisle" => (373.15 - k) * 3 / 2,
        "degreenewton" => (k - 273.15) * 33 / 100,
        "degreereaumur" => (k - 273.15) * 4 / 5,
        "degreeroemer" => (k - 273.15) * 21 / 40 + 7.5,
        "solartemperature" => k / 5778,
        _ => null,
    };

    private static Dictionary<string, double> Units(params (string Name, double Factor)[] units)
        => units.ToDictionary(u => u.Name, u => u.Factor, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, double> Angle = Units(
        ("Arcminute", 1.0 / 60), ("Arcsecond", 1.0 / 3600), ("Centiradian", 0.01 * 180 / Pi), ("Deciradian", 0.1 * 180 / Pi),
        ("Degree", 1), ("Gradian", 0.9), ("Microdegree", 1e-6), ("Microradian", 1e-6 * 180 / Pi), ("Millidegree", 1e-3),
        ("Milliradian", 1e-3 * 180 / Pi), ("Nanodegree", 1e-9), ("Nanoradian", 1e-9 * 180 / Pi), ("NatoMil", 360.0 / 6400),
        ("Radian", 180 / Pi), ("Revolution", 360), ("Tilt", double.NaN));

    private static readonly Dictionary<string, double> Energy = Units(
        ("BritishThermalUnit", Btu), ("Calorie", 4.184), ("DecathermEc", 1.05505585262e9), ("DecathermImperial", 1.05505585257348e9),
        ("DecathermUs", 1.054804e9), ("ElectronVolt", ElectronVolt), ("Erg", 1e-7), ("FootPound", 1.355817948),
        ("GigabritishThermalUnit", Btu * 1e9), ("GigaelectronVolt", ElectronVolt * 1e9), ("Gigajoule", 1e9), ("GigawattDay", 8.64e13),
        ("GigawattHour", 3.6e12), ("HorsepowerHour", 2.6845195377e6), ("Joule", 1), ("KilobritishThermalUnit", Btu * 1e3),
        ("Kilocalorie", 4184), ("KiloelectronVolt", ElectronVolt * 1e3), ("Kilojoule", 1e3), ("KilowattDay", 8.64e7),
        ("KilowattHour", 3.6e6), ("MegabritishThermalUnit", Btu * 1e6), ("Megacalorie", 4.184e6), ("MegaelectronVolt", ElectronVolt * 1e6),
        ("Megajoule", 1e6), ("MegawattDay", 8.64e10), ("MegawattHour", 3.6e9), ("Millijoule", 1e-3), ("TeraelectronVolt", ElectronVolt * 1e12),
        ("TerawattDay", 8.64e16), ("TerawattHour", 3.6e15), ("ThermEc", 1.05505585262e8), ("ThermImperial", 1.05505585257348e8),
        ("ThermUs", 1.054804e8), ("WattDay", 86400), ("WattHour", 3600));

    private static readonly Dictionary<string, double> Force = Units(
        ("Decanewton", 10), ("Dyn", 1e-5), ("KilogramForce", 9.80665), ("Kilonewton", 1e3), ("KiloPond", 9.80665),
        ("KilopoundForce", 4448.2216152605), ("Meganewton", 1e6), ("Micronewton", 1e-6), ("Millinewton", 1e-3), ("Newton", 1),
        ("OunceForce", 4.4482216152605 / 16), ("Poundal", 0.138254954376), ("PoundForce", 4.4482216152605),
        ("ShortTonForce", 8896.443230521), ("TonneForce", 9806.65));

    private static readonly Dictionary<string, double> Length = Units(
        ("Angstrom", 1e-10), ("AstronomicalUnit", 1.495978707e11), ("Centimeter", 1e-2), ("Chain", 20.1168), ("DataMile", 1828.8),
        ("Decameter", 10), ("Decimeter", 0.1), ("DtpPica", 0.0254 / 6), ("DtpPoint", 0.0254 / 72), ("Fathom", 1.8288), ("Foot", 0.3048),
        ("Hand", 0.1016), ("Hectometer", 100), ("Inch", 0.0254), ("KilolightYear", LightYear * 1e3), ("Kilometer", 1e3),
        ("Kiloparsec", Parsec * 1e3), ("LightYear", LightYear), ("MegalightYear", LightYear * 1e6), ("Megaparsec", Parsec * 1e6),
        ("Meter", 1), ("Microinch", 2.54e-8), ("Micrometer", 1e-6), ("Mil", 2.54e-5), ("Mile", 1609.344), ("Millimeter", 1e-3),
        ("Nanometer", 1e-9), ("NauticalMile", 1852), ("Parsec", Parsec), ("PrinterPica", 0.0254 / 6.0225), ("PrinterPoint", 0.0254 / 72.27),
        ("Shackle", 27.432), ("SolarRadius", 6.95510e8), ("Twip", 0.0254 / 1440), ("UsSurveyFoot", UsSurveyFoot), ("Yard", 0.9144));

    private static readonly Dictionary<string, double> Mass = Units(
        ("Centigram", 1e-5), ("Decagram", 1e-2), ("Decigram", 1e-4), ("EarthMass", 5.9722e24), ("Grain", 64.79891e-6), ("Gram", 1e-3),
        ("Hectogram", 0.1), ("Kilogram", 1), ("Kilopound", 453.59237), ("Kilotonne", 1e6), ("LongHundredweight", 50.80234544),
        ("LongTon", 1016.0469088), ("Megapound", 453592.37), ("Megatonne", 1e9), ("Microgram", 1e-9), ("Milligram", 1e-6),
        ("Nanogram", 1e-12), ("Ounce", 0.028349523125), ("Pound", 0.45359237), ("ShortHundredweight", 45.359237), ("ShortTon", 907.18474),
        ("Slug", 14.593902937206), ("SolarMass", 1.98947e30), ("Stone", 6.35029318), ("Tonne", 1e3));

    private static readonly Dictionary<string, double> Speed = Units(
        ("CentimeterPerHour", 1e-2 / 3600), ("CentimeterPerMinute", 1e-2 / 60), ("CentimeterPerSecond", 1e-2),
        ("DecimeterPerMinute", 0.1 / 60), ("DecimeterPerSecond", 0.1), ("FootPerHour", 0.3048 / 3600), ("FootPerMinute", 0.3048 / 60),
        ("FootPerSecond", 0.3048), ("InchPerHour", 0.0254 / 3600), ("InchPerMinute", 0.0254 / 60), ("InchPerSecond", 0.0254),
        ("KilometerPerHour", 1 / 3.6), ("KilometerPerMinute", 1e3 / 60), ("KilometerPerSecond", 1e3), ("Knot", 1852.0 / 3600),
        ("Mach", 340.29), ("MeterPerHour", 1.0 / 3600), ("MeterPerMinute", 1.0 / 60), ("MeterPerSecond", 1),
        ("MicrometerPerMinute", 1e-6 / 60), ("MicrometerPerSecond", 1e-6), ("MilePerHour", 0.44704), ("MillimeterPerHour", 1e-3 / 3600),
        ("MillimeterPerMinute", 1e-3 / 60), ("MillimeterPerSecond", 1e-3), ("NanometerPerMinute", 1e-9 / 60), ("NanometerPerSecond", 1e-9),
        ("UsSurveyFootPerHour", UsSurveyFoot / 3600), ("UsSurveyFootPerMinute", UsSurveyFoot / 60), ("UsSurveyFootPerSecond", UsSurveyFoot),
        ("YardPerHour", 0.9144 / 3600), ("YardPerMinute", 0.9144 / 60), ("YardPerSecond", 0.9144));

    private static readonly Dictionary<string, double> Volume = Units(
        ("AcreFoot", 1 / 0.000810714), ("AuTablespoon", 2e-5), ("BoardFoot", 2.3597372158e-3), ("Centiliter", 1e-5),
        ("CubicCentimeter", 1e-6), ("CubicDecimeter", 1e-3), ("CubicFoot", CubicFoot), ("CubicHectometer", 1e6), ("CubicInch", 1.6387e-5),
        ("CubicKilometer", 1e9), ("CubicMeter", 1), ("CubicMicrometer", 1e-18), ("CubicMile", 4.16818182544058e9), ("CubicMillimeter", 1e-9),
        ("CubicYard", 0.764554858), ("Decaliter", 1e-2), ("DecausGallon", UsGallon * 10), ("Deciliter", 1e-4), ("DeciusGallon", UsGallon / 10),
        ("HectocubicFoot", CubicFoot * 100), ("HectocubicMeter", 100), ("Hectoliter", 0.1), ("HectousGallon", UsGallon * 100),
        ("ImperialBeerBarrel", 0.16365924), ("ImperialGallon", 0.00454609), ("ImperialOunce", 2.84130625e-5), ("ImperialPint", 5.6826125e-4),
        ("KilocubicFoot", CubicFoot * 1e3), ("KilocubicMeter", 1e3), ("KiloimperialGallon", 4.54609), ("Kiloliter", 1),
        ("KilousGallon", UsGallon * 1e3), ("Liter", 1e-3), ("MegacubicFoot", CubicFoot * 1e6), ("MegaimperialGallon", 4546.09),
        ("Megaliter", 1e3), ("MegausGallon", UsGallon * 1e6), ("MetricCup", 2.5e-4), ("MetricTeaspoon", 5e-6), ("Microliter", 1e-9),
        ("Milliliter", 1e-6), ("OilBarrel", 0.158987294928), ("UkTablespoon", 1.5e-5), ("UsBeerBarrel", 0.1173477658),
        ("UsCustomaryCup", 2.365882365e-4), ("UsGallon", UsGallon), ("UsLegalCup", 2.4e-4), ("UsOunce", 2.95735295625e-5),
        ("UsPint", 4.73176473e-4), ("UsQuart", 9.46352946e-4), ("UsTablespoon", 1.478676478125e-5), ("UsTeaspoon", 4.92892159375e-6));
}
