using System;
using System.Security.Cryptography;
using System.Text;

namespace AzureRules.Generators.Formats.Elastic;

/// <summary>
/// A stable id for a rule file that has none (an Elastic documentation page): an RFC 4122 version 5
/// UUID (SHA-1) of the rule name in a fixed AzureRules namespace, so the same name always gets the
/// same id and a rename is a new rule, as it would be in Kibana.
/// </summary>
internal static class NameBasedRuleId
{
    /// <summary>The AzureRules namespace for name-based rule ids. Never change it: ids would change.</summary>
    public static readonly Guid Namespace = new("6a3c2f0e-8b1d-4c7a-9e52-4f1d0b7e93a1");

    public static string Create(string name) => Create(Namespace, name);

    public static string Create(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var namespaceBytes = ToNetworkOrder(namespaceId.ToByteArray());
        byte[] hash;
        using (var sha1 = SHA1.Create())
        {
            var input = new byte[namespaceBytes.Length + nameBytes.Length];
            Buffer.BlockCopy(namespaceBytes, 0, input, 0, namespaceBytes.Length);
            Buffer.BlockCopy(nameBytes, 0, input, namespaceBytes.Length, nameBytes.Length);
            hash = sha1.ComputeHash(input);
        }
        var uuid = new byte[16];
        Array.Copy(hash, uuid, 16);
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(ToNetworkOrder(uuid)).ToString("D");
    }

    /// <summary>
    /// Guid.ToByteArray stores the first three fields little-endian; RFC 4122 hashes them big-endian.
    /// Swapping is its own inverse, so the same call converts back.
    /// </summary>
    private static byte[] ToNetworkOrder(byte[] bytes)
    {
        var b = (byte[])bytes.Clone();
        Array.Reverse(b, 0, 4);
        Array.Reverse(b, 4, 2);
        Array.Reverse(b, 6, 2);
        return b;
    }
}
