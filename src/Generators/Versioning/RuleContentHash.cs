using System.Security.Cryptography;
using System.Text;
using AzureRules.Generators.Model;

namespace AzureRules.Generators.Versioning;

/// <summary>
/// The content hash of a rule, as detection-rules computes one for its version lock: SHA-256 of the
/// rule's canonical JSON (sorted keys) without its version, in lower-case hex. A change to anything
/// the rule does changes the hash; bumping only the version does not.
/// </summary>
internal static class RuleContentHash
{
    public static string Compute(RuleDefinition rule)
    {
        var text = RuleCanonicalForm.Text(rule, includeVersion: false);
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(digest.Length * 2);
        foreach (var b in digest) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return hex.ToString();
    }
}
