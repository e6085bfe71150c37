namespace AzureRules.Sdk.Eql;

/// <summary>The comparison operators of EQL.</summary>
public enum EqlCompare : byte { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }
