using Waldur.Emulator.Data;

namespace Waldur.Emulator.Writes;

/// <summary>
/// Waldur's executors and Celery tasks, reduced to one step: a write leaves its object in the scheduled state
/// (<c>waldur_core/core/executors.py</c>: <c>CreateExecutor</c> keeps <c>CREATION_SCHEDULED</c>, <c>ActionExecutor</c>
/// sets <c>UPDATE_SCHEDULED</c>, <c>DeleteExecutor.pre_apply</c> sets <c>DELETION_SCHEDULED</c>; marketplace orders
/// wait in <c>executing</c>), and after <c>Emulator:ProvisioningDelayMs</c> the backend "answers": the success
/// signature runs (OK, the runtime state the poll waits for, the deletion, the order <c>done</c>). 0 applies the step at
/// once, still after the response body was made (so the response shows the scheduled state, the next read the result).
/// </summary>
internal sealed class Provisioner(EmulatorDataset dataset, int delayMs)
{
    private readonly List<Action> _pending = [];

    public int DelayMs { get; } = delayMs;

    /// <summary>With delay 0: runs the steps the write scheduled; the caller holds the write lock.</summary>
    public void Flush()
    {
        foreach (var step in _pending.ToArray())
        {
            step();
        }

        _pending.Clear();
        dataset.Changed();
    }

    /// <summary>Runs <paramref name="step"/> now (delay 0; the caller holds the write lock) or after the delay under the
    /// write lock, then moves the data set's version so that lists show it.</summary>
    public void Later(Action step)
    {
        if (DelayMs == 0)
        {
            // Run by Flush, after the handler made its response body (all under the write lock).
            _pending.Add(step);
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(DelayMs);
            lock (dataset.WriteLock)
            {
                step();
                dataset.Changed();
            }
        });
    }
}
