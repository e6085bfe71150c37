namespace AzureRules.Generators.Kusto.Emit;

/// <summary>Fully qualified names of the runtime (src/Sdk/Kusto) types the emitted code calls.</summary>
internal static class KustoRuntimeNames
{
    public const string Namespace = "global::AzureRules.Sdk.Kusto";
    public const string Detection = Namespace + ".KustoDetection";
    public const string Table = Namespace + ".KustoTable";
    public const string Context = Namespace + ".KustoContext";
    public const string Value = Namespace + ".KustoValue";
    public const string TypeEnum = Namespace + ".KustoType";
    public const string Column = Namespace + ".KustoColumn";
    public const string RowFunction = Namespace + ".KustoRowFunction";
    public const string Convert = Namespace + ".KustoConvert";
    public const string Operators = Namespace + ".Operators.KustoOperators";
    public const string JoinKindName = Namespace + ".Operators.KustoJoinKind";
    public const string SortKey = Namespace + ".Operators.KustoSortKey";
    public const string AggregateRecord = Namespace + ".Operators.KustoAggregate";
    public const string Accumulators = Namespace + ".Operators.KustoAccumulators";
    public const string Plugins = Namespace + ".Plugins.KustoPlugins";
    public const string Arithmetic = Namespace + ".Scalars.KustoArithmetic";
    public const string Comparison = Namespace + ".Scalars.KustoComparison";
    public const string Strings = Namespace + ".Scalars.KustoStrings";
    public const string InSet = Namespace + ".Scalars.KustoInSet";
    public const string JsonRoundTrip = Namespace + ".Scalars.KustoJsonRoundTrip";
    public const string PatternType = Namespace + ".Scalars.KustoPattern";
    public const string StringFunctions = Namespace + ".Functions.KustoStringFunctions";
    public const string DynamicFunctions = Namespace + ".Functions.KustoDynamicFunctions";
    public const string ScalarFunctions = Namespace + ".Functions.KustoScalarFunctions";
    public const string MathFunctions = Namespace + ".Functions.KustoMathFunctions";
    public const string NetworkFunctions = Namespace + ".Functions.KustoNetworkFunctions";
    public const string DocumentFunctions = Namespace + ".Functions.KustoDocumentFunctions";
    public const string DateTimeFunctions = Namespace + ".Functions.KustoDateTimeFunctions";
}
