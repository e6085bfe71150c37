using AzureRules.Sdk.Kusto;
using AzureRules.Sdk.Kusto.Functions;
using AzureRules.Sdk.Kusto.Operators;
using Xunit;

namespace AzureRules.Sdk.Tests.Kusto;

/// <summary>
/// convert_* (the documentation's examples, round trips, affine temperatures, unknown units and nulls), the
/// statistical and bitwise aggregates (covariance, percentiles/percentilesw, binary_all_*, take_anyif),
/// array_shift_* and pack_all.
/// </summary>
public sealed class KustoConversionAndAggregateTests
{
    private static KustoValue S(string s) => KustoValue.From(s);
    private static KustoValue R(double v) => KustoValue.From(v);
    private static KustoValue L(long v) => KustoValue.From(v);
    private static KustoValue D(string json) { KustoJson.TryParse(json, out var v); return v; }

    [Fact]
    public void Conversions_give_the_documented_values()
    {
        Assert.Equal(72, KustoConversionFunctions.convert_angle(R(1.2), S("Degree"), S("Arcminute")).AsDouble, 9);
        Assert.Equal(0.00113738054437598, KustoConversionFunctions.convert_energy(R(1.2), S("Joule"), S("BritishThermalUnit")).AsDouble, 12);
        Assert.Equal(0.12, KustoConversionFunctions.convert_force(R(1.2), S("Newton"), S("Decanewton")).AsDouble, 12);
        Assert.Equal(0.0009728568, KustoConversionFunctions.convert_volume(R(1.2), S("CubicMeter"), S("AcreFoot")).AsDouble, 10);
        Assert.Equal(3.93700787401575, KustoConversionFunctions.convert_length(R(1.2), S("Meter"), S("Foot")).AsDouble, 12);
        Assert.Equal(2.64554714621853, KustoConversionFunctions.convert_mass(R(1.2), S("Kilogram"), S("Pound")).AsDouble, 12);
        Assert.Equal(4.32, KustoConversionFunctions.convert_speed(R(1.2), S("MeterPerSecond"), S("KilometerPerHour")).AsDouble, 12);
        Assert.Equal(34.16, KustoConversionFunctions.convert_temperature(R(1.2), S("DegreeCelsius"), S("DegreeFahrenheit")).AsDouble, 12);
    }

    [Fact]
    public void Conversions_round_trip_and_treat_temperature_and_tilt_as_non_linear()
    {
        Assert.Equal(-40, KustoConversionFunctions.convert_temperature(R(-40), S("DegreeFahrenheit"), S("DegreeCelsius")).AsDouble, 9);
        Assert.Equal(273.15, KustoConversionFunctions.convert_temperature(R(0), S("DegreeCelsius"), S("Kelvin")).AsDouble, 9);
        Assert.Equal(100, KustoConversionFunctions.convert_temperature(R(0), S("DegreeDelisle"), S("DegreeCelsius")).AsDouble, 9);
        Assert.Equal(0.5, KustoConversionFunctions.convert_angle(R(30), S("Degree"), S("Tilt")).AsDouble, 12);
        Assert.Equal(Math.PI, KustoConversionFunctions.convert_angle(R(0.5), S("Revolution"), S("Radian")).AsDouble, 12);
        Assert.Equal(5.5, KustoConversionFunctions.convert_length(KustoConversionFunctions.convert_length(R(5.5), S("NauticalMile"), S("Inch")), S("Inch"), S("NauticalMile")).AsDouble, 9);
        Assert.Equal(1, KustoConversionFunctions.convert_volume(L(1000), S("liter"), S("cubicmeter")).AsDouble, 12); // unit names in any case
    }

    [Fact]
    public void Conversions_of_unknown_units_or_nulls_are_null()
    {
        Assert.True(KustoConversionFunctions.convert_force(R(1), S("Newton"), S("Furlong")).IsNull);
        Assert.True(KustoConversionFunctions.convert_mass(R(1), S("Meter"), S("Gram")).IsNull); // a length is not a mass
        Assert.True(KustoConversionFunctions.convert_energy(KustoValue.Null, S("Joule"), S("Erg")).IsNull);
        Assert.True(KustoConversionFunctions.convert_temperature(R(1), KustoValue.Null, S("Kelvin")).IsNull);
        Assert.True(KustoConversionFunctions.convert_angle(R(1), S("Tilt"), S("Parsec")).IsNull);
    }

    private static KustoValue[] Aggregate(Func<KustoAccumulator> factory, int width, params KustoValue[][] rows)
    {
        var accumulator = factory();
        foreach (var row in rows) accumulator.Add(row);
        var output = new KustoValue[width];
        accumulator.Write(output, 0);
        return output;
    }

    [Fact]
    public void Covariance_is_the_sample_covariance_and_covarianceif_filters_rows()
    {
        double[] x = [1, 2, 3, 4, 5], y = [14, 10, 17, 20, 50];
        var rows = x.Zip(y, (a, b) => new[] { R(a), R(b) }).ToArray();
        Assert.Equal(20.5, Aggregate(KustoAccumulators.Covariance, 1, rows)[0].AsDouble, 12);
        // the documentation's covarianceif: x in 1..100, y = x*2 when even else x*3, rows where x % 3 == 0
        var range = Enumerable.Range(1, 100).Select(i => new[] { L(i), L(i % 2 == 0 ? i * 2 : i * 3), KustoValue.From(i % 3 == 0) }).ToArray();
        Assert.Equal(2142, Aggregate(KustoAccumulators.CovarianceIf, 1, range)[0].AsDouble, 9);
        // nulls are skipped; one pair has no sample covariance
        Assert.Equal(0, Aggregate(KustoAccumulators.Covariance, 1, [R(1), KustoValue.Null], [R(2), R(3)])[0].AsDouble);
    }

    [Fact]
    public void Percentiles_are_nearest_rank_and_percentilesw_weighs_each_value()
    {
        var latencies = new[] { (8L, 10L), (6L, 20L), (3L, 30L), (1L, 40L) };
        var weighted = Aggregate(KustoAccumulators.PercentilesW, 3, latencies.Select(l => new[] { L(l.Item2), L(l.Item1), L(50), L(75), R(99.9) }).ToArray());
        Assert.Equal([20L, 20L, 40L], weighted.Select(v => v.AsLong));

        var values = Enumerable.Range(1, 10).Select(i => new[] { L(i), L(0), L(50), L(100) }).Append([KustoValue.Null, L(0), L(50), L(100)]).ToArray();
        Assert.Equal([1L, 5L, 10L], Aggregate(KustoAccumulators.Percentiles, 3, values).Select(v => v.AsLong));
        // no values: the columns stay null
        Assert.True(Aggregate(KustoAccumulators.Percentiles, 1, [KustoValue.Null, L(50)])[0].IsNull);
    }

    [Fact]
    public void Binary_all_folds_the_bits_of_the_non_null_values()
    {
        KustoValue[][] rows = [[L(0x44404440)], [L(0x1E1E1E1E)], [L(0x90ABBA09)], [L(0x000B105A)], [KustoValue.Null]];
        Assert.Equal("CAFEF00D", Aggregate(KustoAccumulators.BinaryAllXor, 1, rows)[0].AsLong.ToString("X"));
        Assert.Equal(0x44404440L & 0x1E1E1E1E & 0x90ABBA09 & 0x000B105A, Aggregate(KustoAccumulators.BinaryAllAnd, 1, rows)[0].AsLong);
        Assert.Equal(0x44404440L | 0x1E1E1E1E | 0x90ABBA09 | 0x000B105A, Aggregate(KustoAccumulators.BinaryAllOr, 1, rows)[0].AsLong);
        Assert.True(Aggregate(KustoAccumulators.BinaryAllOr, 1, [KustoValue.Null])[0].IsNull);
    }

    [Fact]
    public void Take_anyif_takes_a_row_where_the_predicate_holds()
    {
        Assert.Equal("b", Aggregate(KustoAccumulators.TakeAnyIf, 1, [S("a"), KustoValue.False], [KustoValue.Null, KustoValue.True], [S("b"), KustoValue.True])[0].AsString);
        Assert.True(Aggregate(KustoAccumulators.TakeAnyIf, 1, [S("a"), KustoValue.False])[0].IsNull);
    }

    [Fact]
    public void Array_shift_moves_elements_and_fills_the_vacated_places()
    {
        Assert.Equal("[3,4,5,null,null]", KustoJson.Write(KustoDocumentFunctions.array_shift_left(D("[1,2,3,4,5]"), L(2))));
        Assert.Equal("[-1,1,2,3,4]", KustoJson.Write(KustoDocumentFunctions.array_shift_left(D("[1,2,3,4,5]"), L(-1), L(-1))));
        Assert.Equal("[null,null,1,2,3]", KustoJson.Write(KustoDocumentFunctions.array_shift_right(D("[1,2,3,4,5]"), L(2))));
        Assert.Equal("[0,0,0]", KustoJson.Write(KustoDocumentFunctions.array_shift_right(D("[1,2,3]"), L(7), L(0))));
        Assert.Equal("[]", KustoJson.Write(KustoDocumentFunctions.array_shift_left(D("[]"), L(1))));
        Assert.True(KustoDocumentFunctions.array_shift_left(S("not an array"), L(1)).IsNull);
    }

    [Fact]
    public void Pack_all_makes_a_bag_of_the_row_and_can_leave_out_null_and_empty_values()
    {
        var schema = new KustoSchema([new("Source", KustoType.String), new("Target", KustoType.String), new("CharsCount", KustoType.Long)]);
        KustoValue[] row = [S("555-1313"), S(""), KustoValue.NullOf(KustoType.Long)];
        Assert.Equal("{\"Source\":\"555-1313\",\"Target\":\"\",\"CharsCount\":null}", KustoJson.Write(KustoRowFunctions.PackAll(schema, row, KustoValue.False)));
        Assert.Equal("{\"Source\":\"555-1313\"}", KustoJson.Write(KustoRowFunctions.PackAll(schema, row, KustoValue.True)));
    }

    [Fact]
    public void Series_fill_linear_fills_edges_with_the_nearest_value_and_uses_the_constant_only_for_an_all_missing_series()
    {
        Assert.Equal("[111,111,73.5,36,36]", KustoJson.Write(KustoSeriesFunctions.series_fill_linear(D("[null,111.0,null,36.0,null]"), KustoValue.Null, KustoValue.True, R(3.14159))));
        Assert.Equal("[null,111,73,36,null]", KustoJson.Write(KustoSeriesFunctions.series_fill_linear(D("[null,111,null,36,null]"), KustoValue.Null, KustoValue.False)));
        Assert.Equal("[3.14159,3.14159]", KustoJson.Write(KustoSeriesFunctions.series_fill_linear(D("[null,null]"), KustoValue.Null, KustoValue.True, R(3.14159))));
        Assert.Equal("[0,0]", KustoJson.Write(KustoSeriesFunctions.series_fill_linear(D("[null,null]"))));
        Assert.Equal("[null,null]", KustoJson.Write(KustoSeriesFunctions.series_fill_linear(D("[null,null]"), KustoValue.Null, KustoValue.True, KustoValue.Null)));
    }

    [Fact]
    public void Replace_strings_gives_earlier_lookups_precedence_and_ignores_non_strings()
    {
        var message = S("This is an example of using replace_strings()");
        Assert.Equal("This was an example of using replace_strings()", KustoDocumentFunctions.replace_strings(message, D("[\"This\",\"is\"]"), D("[\"This\",\"was\"]")).AsString);
        Assert.Equal("Thwas was an example of using replace_strings()", KustoDocumentFunctions.replace_strings(message, D("[\"is\",\"This\"]"), D("[\"was\",\"This\"]")).AsString);
        Assert.Equal("This was an example of using replace_strings()", KustoDocumentFunctions.replace_strings(message, D("[\"This\",\"is\"]"), D("[12345,\"was\"]")).AsString);
        Assert.Equal("A magic trick can turn a dog into a pigeon", KustoDocumentFunctions.replace_strings(S("A magic trick can turn a cat into a dog"), D("[\"cat\",\"dog\"]"), D("[\"dog\",\"pigeon\"]")).AsString);
        Assert.Equal("A magic trick can disappear a cat", KustoDocumentFunctions.replace_strings(S("A magic trick can turn a cat into a dog"), D("[\"turn\",\" into a dog\", 7]"), D("[\"disappear\",\"\"]")).AsString);
        Assert.Equal("bbbb", KustoDocumentFunctions.replace_strings(S("aaaa"), D("[\"a\"]"), D("[\"b\"]")).AsString);
    }

    [Fact]
    public void Equality_with_null_is_false_for_a_value_and_null_for_two_nulls()
    {
        var nullInt = KustoValue.NullOf(KustoType.Int);
        Assert.False(AzureRules.Sdk.Kusto.Scalars.KustoComparison.Equal(KustoValue.FromInt(5), nullInt).IsTrue);
        Assert.False(AzureRules.Sdk.Kusto.Scalars.KustoComparison.Equal(KustoValue.FromInt(5), nullInt).IsNull);
        Assert.True(AzureRules.Sdk.Kusto.Scalars.KustoComparison.NotEqual(KustoValue.FromInt(5), nullInt).IsTrue);
        Assert.True(AzureRules.Sdk.Kusto.Scalars.KustoComparison.Equal(nullInt, nullInt).IsNull);
        Assert.True(AzureRules.Sdk.Kusto.Scalars.KustoComparison.NotEqual(nullInt, nullInt).IsNull);
        Assert.True(AzureRules.Sdk.Kusto.Scalars.KustoComparison.Greater(nullInt, KustoValue.FromInt(3)).IsNull);
    }

    [Fact]
    public void Covariancep_divides_by_the_count()
    {
        double[] x = [1, 2, 3, 4, 5], y = [14, 10, 17, 20, 50];
        Assert.Equal(16.4, Aggregate(KustoAccumulators.CovarianceP, 1, x.Zip(y, (a, b) => new[] { R(a), R(b) }).ToArray())[0].AsDouble, 12);
    }
}
