using System.Collections.Generic;
using AzureRules.Generators.Kusto.Parsing;
using AzureRules.Generators.Kusto.Syntax;
using AzureRules.Generators.Project;

namespace AzureRules.Generators.Kusto.Symbols;

/// <summary>
/// A function saved in the workspace (an ASIM parser, a solution parser), parsed: a query calls it like a
/// let-bound function, so the binder binds its body for each call (with the call's arguments) and the
/// emitter expands it there. <see cref="Path"/> is the file that defines it, for diagnostics; <see cref="Text"/>
/// the Kusto text its syntax nodes are spans of.
/// </summary>
internal sealed record WorkspaceFunctionSymbol(string Name, FunctionDefinition Definition, string Path, string Text)
{
    /// <summary>Parses each function once and registers it under its name and every alias; the first definition of a name wins.</summary>
    public static IEnumerable<WorkspaceFunctionSymbol> FromDefinitions(IEnumerable<WorkspaceFunction> functions)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var function in functions)
        {
            var tree = KustoParser.Parse("let f = " + function.DefinitionText() + ";");
            if (tree.HasErrors || tree.Root.Statements.Count == 0 || tree.Root.Statements[0] is not LetStatement { Value: FunctionDefinition definition })
                continue; // reported where the file is read
            if (seen.Add(function.Name)) yield return new WorkspaceFunctionSymbol(function.Name, definition, function.Path, tree.Text);
            foreach (var alias in function.Aliases)
                if (seen.Add(alias)) yield return new WorkspaceFunctionSymbol(alias, definition, function.Path, tree.Text);
        }
    }
}
