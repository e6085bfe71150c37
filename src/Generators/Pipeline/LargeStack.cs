using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace AzureRules.Generators.Pipeline;

/// <summary>
/// Runs one file's compilation on a thread of its own with a large stack. Parsers limit nesting and
/// flat chains are walked in loops, but the compiler's many tree walks stay recursive; the C#
/// compiler's own threads have small stacks, and a stack overflow cannot be caught — it would kill
/// the whole build with no file named. With 64 MB the recursive walks have room far beyond every
/// documented limit, and any exception still becomes a diagnostic on the file.
/// </summary>
internal static class LargeStack
{
    private const int StackSize = 64 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }, StackSize)
        {
            Name = "AzureRules rule compilation",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
