using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AzureRules.Generators.Emit;
using AzureRules.Generators.Eql.Syntax;

namespace AzureRules.Generators.Eql.Emit;

/// <summary>
/// Writes the members of an EQL sequence or sample rule class: one compiled predicate per step
/// (<c>Step0</c>, <c>Step1</c>, …, <c>Until</c>), each step's join keys (the query's <c>by</c> keys
/// followed by the step's own, joined positionally as Elasticsearch does), and a static
/// <c>EqlJoinDefinition</c> the engine's sequence runner reads. The predicates share the field
/// slots and precompiled patterns of <see cref="EqlEmitter"/>.
/// </summary>
internal static class EqlJoinEmitter
{
    private const string Join = "global::AzureRules.Sdk.Eql.Join";
    private const string View = "global::AzureRules.Sdk.Events.EventView";

    public const string BaseClass = Join + ".EqlJoinDetection";

    public static string EmitMembers(EqlSequenceQuery query, string? categoryField = null)
        => Emit("Sequence", query.Keys, query.Steps, query.Until, query.MaxSpan, query.Pipes, categoryField);

    public static string EmitMembers(EqlSampleQuery query, string? categoryField = null)
        => Emit("Sample", query.Keys, query.Steps, null, null, query.Pipes, categoryField);

    private static string Emit(string kind, IReadOnlyList<EqlExpression> keys, IReadOnlyList<EqlStep> steps, EqlStep? until,
        EqlTimeSpan? maxSpan, IReadOnlyList<EqlPipe> pipes, string? categoryField)
    {
        var emitter = new EqlEmitter(categoryField);
        var predicates = new StringBuilder();
        var stepObjects = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            var name = "Step" + i.ToString(CultureInfo.InvariantCulture);
            stepObjects.Add(Step(emitter, predicates, name, steps[i], keys));
        }
        var untilObject = until is null ? null : Step(emitter, predicates, "Until", until, keys);

        var members = new StringBuilder();
        emitter.WriteDeclarations(members);
        members.Append('\n').Append(predicates);
        members.Append($"private static readonly {Join}.EqlJoinDefinition JoinDefinition = new(\n");
        members.Append($"    {Join}.EqlJoinKind.{kind},\n");
        members.Append("    [\n");
        foreach (var step in stepObjects) members.Append("        ").Append(step).Append(",\n");
        members.Append("    ]");
        if (untilObject is not null) members.Append(",\n    until: ").Append(untilObject);
        if (maxSpan is not null)
            members.Append($",\n    maxSpan: {CSharpLiteral.TimeSpan(maxSpan.Value)} /* {maxSpan.Text} */");
        if (pipes.Count > 0) members.Append(",\n    pipes: ").Append(EqlEmitter.PipeArray(pipes));
        members.Append(");\n\n");
        members.Append($"public override {Join}.EqlJoinDefinition Join => JoinDefinition;\n");
        return members.ToString();
    }

    private static string Step(EqlEmitter emitter, StringBuilder predicates, string name, EqlStep step, IReadOnlyList<EqlExpression> queryKeys)
    {
        predicates.Append($"private static bool {name}({View} e)\n    => {emitter.FilterCondition(step.Filter)};\n\n");
        var keys = queryKeys.Concat(step.Keys).Select(emitter.JoinKey);
        var arguments = new StringBuilder($"new({name}, [{string.Join(", ", keys)}]");
        if (step.Runs > 1) arguments.Append(", runs: ").Append(step.Runs.ToString(CultureInfo.InvariantCulture));
        if (step.IsMissing) arguments.Append(", missing: true");
        return arguments.Append(')').ToString();
    }
}
