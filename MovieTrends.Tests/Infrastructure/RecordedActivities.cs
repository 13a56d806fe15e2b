using System.Collections;
using System.Diagnostics;

namespace MovieTrends.Tests.Infrastructure;

/// <summary>
/// The spans a service under test finished, as OpenTelemetry's in-memory exporter hands them over: from whichever
/// thread ends a span, background work (the column warm-up, the change listener) included. Reading takes a copy
/// under the lock the exporter adds under, so a test never enumerates a list that is growing.
/// </summary>
public sealed class RecordedActivities : ICollection<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _activities = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _activities.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>The spans finished so far.</summary>
    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _activities];
        }
    }

    public void Add(Activity item)
    {
        lock (_gate)
        {
            _activities.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _activities.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
        {
            _activities.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
        {
            return _activities.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
