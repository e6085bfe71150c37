using System.Diagnostics;
using System.Text;

namespace AzureRules.Tests;

/// <summary>
/// A seeded mutation fuzzer: starting from seed inputs (corpus rules, events), it applies random
/// byte and token mutations — flips, deletions, duplications, splices of two seeds, and insertions
/// from a dictionary of what hurts parsers (brackets, quotes, escapes, lone surrogates, huge numbers,
/// long repeats) — and hands each input to a target that must neither throw nor hang. The run is
/// bounded by time (a short budget inside `dotnet test`; AZRULES_FUZZ_SECONDS for longer runs) and
/// reproducible from its seed (AZRULES_FUZZ_SEED). The SharpFuzz package needs an AFL or libFuzzer
/// binary this machine cannot fetch, so coverage guidance is left out; a finding reproduces from the
/// input the failure message carries.
/// </summary>
internal sealed class MutationFuzzer(IReadOnlyList<byte[]> seeds, IReadOnlyList<string> dictionary)
{
    /// <summary>One failure: what the target did and the input that made it (escaped for a message).</summary>
    public sealed record Finding(string Problem, byte[] Input)
    {
        public override string ToString()
            => $"{Problem}\n  input ({Input.Length} bytes): {Escape(Input.Length > 400 ? Input[..400] : Input)}";

        private static string Escape(byte[] bytes)
        {
            var builder = new StringBuilder();
            foreach (var b in bytes) builder.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
            return builder.ToString();
        }
    }

    public sealed record Report(int Inputs, TimeSpan Elapsed, IReadOnlyList<Finding> Findings);

    public static TimeSpan Budget(TimeSpan inTests)
        => int.TryParse(Environment.GetEnvironmentVariable("AZRULES_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : inTests;

    public static int Seed(int inTests)
        => int.TryParse(Environment.GetEnvironmentVariable("AZRULES_FUZZ_SEED"), out var seed) ? seed : inTests;

    /// <summary>
    /// Runs <paramref name="target"/> over mutated inputs until <paramref name="budget"/> is spent. The
    /// target returns null when the input was handled, or a problem; an exception is a problem too, and
    /// so is an input that takes longer than <paramref name="slowInput"/>.
    /// </summary>
    public Report Run(Func<byte[], string?> target, TimeSpan budget, int seed, TimeSpan slowInput)
    {
        var random = new Random(seed);
        var findings = new List<Finding>();
        var clock = Stopwatch.StartNew();
        var inputs = 0;
        TimeSpan? mutationsStarted = null;
        // every seed once as it is (warming up what the target loads once), then mutations for the budget
        foreach (var input in seeds.Concat(Mutations(random)))
        {
            if (inputs == seeds.Count) mutationsStarted = clock.Elapsed;
            if (clock.Elapsed - mutationsStarted > budget || findings.Count >= 20) break;
            inputs++;
            var started = clock.Elapsed;
            string? problem;
            try
            {
                problem = target(input);
            }
            catch (Exception ex)
            {
                problem = $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
            }
            var took = clock.Elapsed - started;
            if (problem is null && took > slowInput) problem = $"took {took.TotalMilliseconds:0} ms";
            if (problem is not null) findings.Add(new Finding(problem, input));
        }
        return new Report(inputs, clock.Elapsed, findings);
    }

    private IEnumerable<byte[]> Mutations(Random random)
    {
        while (true)
        {
            var input = new List<byte>(seeds[random.Next(seeds.Count)]);
            var count = 1 + random.Next(6);
            for (var i = 0; i < count; i++) Mutate(input, random);
            yield return [.. input];
        }
    }

    private void Mutate(List<byte> input, Random random)
    {
        var at = input.Count == 0 ? 0 : random.Next(input.Count + 1);
        switch (random.Next(8))
        {
            case 0 when input.Count > 0: // flip a byte
                input[Math.Min(at, input.Count - 1)] = (byte)random.Next(256);
                break;
            case 1 when input.Count > 0: // delete a range
                var length = Math.Min(1 + random.Next(16), input.Count - Math.Min(at, input.Count - 1));
                input.RemoveRange(Math.Min(at, input.Count - 1), length);
                break;
            case 2 when input.Count > 0: // duplicate a range in place
                var start = random.Next(input.Count);
                var copy = input.GetRange(start, Math.Min(1 + random.Next(64), input.Count - start));
                input.InsertRange(at, copy);
                break;
            case 3: // splice in part of another seed
                var other = seeds[random.Next(seeds.Count)];
                if (other.Length == 0) break;
                var from = random.Next(other.Length);
                input.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(200))).ToArray());
                break;
            case 4: // a long repeat of a dictionary token (deep nesting, long chains)
                var token = dictionary[random.Next(dictionary.Count)];
                input.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(token, 50 + random.Next(3000)))));
                break;
            default: // a dictionary token
                input.InsertRange(at, Encoding.UTF8.GetBytes(dictionary[random.Next(dictionary.Count)]));
                break;
        }
    }

    /// <summary>Tokens that stress parsers of every format and query language here.</summary>
    public static readonly IReadOnlyList<string> CommonDictionary =
    [
        "(", ")", "[", "]", "{", "}", "\"", "'", "'''", "`", "\\", "\\u", "\\ud800", "\\udc00", "\\\\", "\n", "\r\n", "\t", "\0",
        ":", ",", "|", "=", "==", "=~", "!=", "~", "*", "?", "%", "$", "@", "#", "-", "--", "//", "/*", "*/",
        " or ", " and ", " not ", " OR ", " AND ", " where ", " | where ", " | ", " in (", " like ", " regex ", " matches regex ",
        "1e999", "-1e400", "9999999999999999999999", "0x", "1.", ".5", "true", "null", "dynamic(", "datetime(", "timespan(",
        "(a+)+$", "\u00ff", "\u202e", "\u001b[31m", "\ud83d\ude00", "- ", "---", "  ", ": |", "[[", "]]", "{{", "}}", "*.", "..",
    ];
}
