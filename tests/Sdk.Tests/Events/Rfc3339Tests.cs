using System.Globalization;
using System.Text;
using AzureRules.Sdk.Events;
using Xunit;

namespace AzureRules.Sdk.Tests.Events;

/// <summary>The RFC 3339 fast path never decides differently from DateTimeOffset.TryParse, which it stands in for.</summary>
public sealed class Rfc3339Tests
{
    [Fact]
    public void Every_time_the_fast_path_reads_is_the_one_TryParse_gives()
    {
        var random = new Random(3339);
        var read = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var text = Candidate(random);
            if (!Rfc3339.TryParse(Encoding.UTF8.GetBytes(text), out var fast)) continue;
            read++;
            Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var slow), text);
            Assert.Equal((slow.UtcTicks, slow.Offset), (fast.UtcTicks, fast.Offset));
        }
        Assert.True(read > 10_000, $"only {read} candidates took the fast path");
    }

    private static string Candidate(Random random)
    {
        string Digits(int count, int max) => random.Next(max + 1).ToString(new string('0', count), CultureInfo.InvariantCulture);
        var text = $"{Digits(4, 9999)}-{Digits(2, 13)}-{Digits(2, 32)}T{Digits(2, 24)}:{Digits(2, 60)}:{Digits(2, 60)}";
        if (random.Next(2) == 0) text += "." + Digits(9, 999_999_999)[..(1 + random.Next(9))];
        text += random.Next(4) switch
        {
            0 => "Z",
            1 => $"+{Digits(2, 15)}:{Digits(2, 60)}",
            2 => $"-{Digits(2, 15)}:{Digits(2, 60)}",
            _ => random.Next(2) == 0 ? "z" : "",
        };
        return text;
    }
}
