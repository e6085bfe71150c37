using Xunit;

namespace AzureRules.Tests;

/// <summary>A fact that needs material from ../shared and is skipped, saying what is missing, without it.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(params string[] path)
    {
        if (SharedMaterial.Path(path) is null) Skip = $"needs ../shared/{string.Join('/', path)}, which this checkout does not have";
    }
}

/// <summary>A theory that needs material from ../shared and is skipped, saying what is missing, without it.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(params string[] path)
    {
        if (SharedMaterial.Path(path) is null) Skip = $"needs ../shared/{string.Join('/', path)}, which this checkout does not have";
    }
}
