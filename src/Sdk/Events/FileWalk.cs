using System.Runtime.InteropServices;

namespace AzureRules.Sdk.Events;

/// <summary>
/// The files below a folder, for events and rules alike: symbolic links are followed, each real
/// folder is entered once (a link back up the tree is reported as a loop, not walked again), only
/// regular files are returned (a FIFO or device named <c>*.jsonl</c> would block or never end), and a
/// dangling link, a link loop or an unreadable folder is reported through <c>onProblem</c> and
/// skipped. Files come back in ordinal order of their paths.
/// </summary>
public static class FileWalk
{
    public static IReadOnlyList<string> Files(string root, Func<string, bool> include, Action<string, string> onProblem)
    {
        var files = new List<string>();
        var visited = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!visited.Add(RealPath(folder)))
            {
                onProblem(folder, "symbolic link loop: this folder was already read through another path; skipped");
                continue;
            }
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                onProblem(folder, $"cannot read the folder: {ex.Message}");
                continue;
            }
            foreach (var entry in entries.OrderByDescending(e => e.Name, StringComparer.Ordinal))
            {
                if (entry is DirectoryInfo)
                {
                    if (Problem(entry) is { } problem) onProblem(entry.FullName, problem);
                    else pending.Push(entry.FullName);
                }
                else if (include(entry.FullName))
                {
                    if (Problem(entry) is { } problem) onProblem(entry.FullName, problem);
                    else if (!IsRegularFile(entry.FullName)) onProblem(entry.FullName, "not a regular file (a FIFO, socket or device); skipped");
                    else files.Add(entry.FullName);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Why a file or folder named on a command line or found in a folder cannot be read, or null.</summary>
    public static string? Problem(FileSystemInfo entry)
    {
        if (entry.LinkTarget is null) return null;
        FileSystemInfo? target;
        try
        {
            target = entry.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return "symbolic link loop; skipped";
        }
        if (target is null || !target.Exists) return $"dangling symbolic link to '{entry.LinkTarget}'; skipped";
        return null;
    }

    private static string RealPath(string folder)
    {
        var info = new DirectoryInfo(folder);
        try
        {
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            var path = Path.GetFullPath(target?.FullName ?? info.FullName);
            // a link in a parent folder leads to the same folder too: resolve each ancestor
            var parent = Path.GetDirectoryName(path);
            return parent is null ? path : Path.Combine(RealPath(parent), Path.GetFileName(path));
        }
        catch (IOException)
        {
            return Path.GetFullPath(info.FullName);
        }
    }

    /// <summary>True for a regular file (after links); false for a FIFO, socket or device.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows()) return File.Exists(path);
        return UnixFileType(path) is not { } type || type == RegularFileType;
    }

    private const int FileTypeMask = 0xF000, RegularFileType = 0x8000;

    // .NET's own native shim (shipped with the runtime on every Unix) fills a FileStatus whose
    // second int is st_mode; the BCL exposes no file type, and opening a FIFO to look would block
    private static int? UnixFileType(string path)
    {
        try
        {
            var status = new byte[256];
            if (SystemNativeStat(path, status) != 0) return null;
            return BitConverter.ToInt32(status, 4) & FileTypeMask;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
