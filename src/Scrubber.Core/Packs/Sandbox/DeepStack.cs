using System.Runtime.ExceptionServices;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>Runs work on a thread with a stack deep enough for any expression a pack may hold.</summary>
/// <remarks>
/// The expression parser and compiler recurse once per level of nesting: 400 parentheses overflow the 1.5 MiB stack of
/// a pool thread, and a stack overflow ends the process, not the load. Two thousand characters (the longest expression)
/// nest at most two thousand deep, which needs about 8 MiB; the thread gets 64 MiB of address space, committed only as
/// it is used. Nested calls run inline.
/// </remarks>
internal static class DeepStack
{
    private const int StackBytes = 64 * 1024 * 1024;

    [ThreadStatic]
    private static bool t_onDeepStack;

    public static T Run<T>(Func<T> work)
    {
        if (t_onDeepStack)
        {
            return work();
        }

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            t_onDeepStack = true;
            try
            {
                result = work();
            }
#pragma warning disable CA1031 // Rethrown on the calling thread, whatever it is.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }, StackBytes)
        {
            Name = "pack-compile",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
