namespace AzureRules.Sdk.Detections;

/// <summary>
/// A compiled detection rule. The source generator derives one class per rule file from one of the
/// query-shaped subclasses and passes its static <c>Definition</c> to this constructor; hosts only
/// need this base.
/// </summary>
public abstract class Detection(RuleMetadata metadata)
{
    public RuleMetadata Metadata { get; } = metadata;

    /// <summary>
    /// Why the runtime cannot execute this rule yet (a construct the compiler reported as unsupported),
    /// or null when it can. A rule that cannot run never silently produces no alerts: the engine reports it.
    /// </summary>
    public virtual string? NotExecutableReason => null;

    public bool IsExecutable => NotExecutableReason is null;

    public override string ToString() => Metadata.Name;
}

/// <summary>A rule the compiler accepted but whose query the runtime cannot execute yet.</summary>
public abstract class UnsupportedDetection(RuleMetadata metadata) : Detection(metadata)
{
    public abstract override string NotExecutableReason { get; }
}
