using NetHub.Osc;

namespace NetHub.Transports;

/// <summary>
/// Bundle times (OSC 1.0 section "Temporal semantics"; OSC 1.1 leaves them to the application), by
/// policy. Schedule: a bundle whose time has come (or "immediately") runs at once unless it is later
/// than late-drop; a future one is held on the precise scheduler unless it is further ahead than
/// max-future. Its messages are delivered together, in packet order; a nested bundle is handled again
/// at that point with its own time. Pass-through and ignore deliver at once, with or without the time.
/// </summary>
internal sealed partial class OscInbound
{
    private void HandleBundle(OscBundle bundle, string? peer, DateTimeOffset now)
    {
        switch (_bundles.Policy)
        {
            case BundlePolicy.Ignore:
                DeliverFlattened(bundle, peer, now, keepTime: false);
                break;
            case BundlePolicy.PassThrough:
                DeliverFlattened(bundle, peer, now, keepTime: true);
                break;
            default:
                Schedule(bundle, peer, now);
                break;
        }
    }

    private void DeliverFlattened(OscBundle bundle, string? peer, DateTimeOffset now, bool keepTime)
    {
        foreach (OscPacket element in bundle.Elements)
        {
            if (element is OscMessage message)
            {
                Deliver(message, peer, now, keepTime ? bundle.TimeTag : null);
            }
            else
            {
                DeliverFlattened((OscBundle)element, peer, now, keepTime);
            }
        }
    }

    private void Schedule(OscBundle bundle, string? peer, DateTimeOffset now)
    {
        if (bundle.TimeTag.IsImmediately)
        {
            DeliverNow(bundle, peer, now);
            return;
        }

        DateTimeOffset at = bundle.TimeTag.ToDateTimeOffset();
        if (at <= now)
        {
            TimeSpan late = now - at;
            if (_bundles.LateDrop != Timeout.InfiniteTimeSpan && late > _bundles.LateDrop)
            {
                DropBundle(bundle, "LateBundle", $"a bundle from {peer} arrived {late.TotalMilliseconds:0} ms after its time (late-drop is {_bundles.LateDrop.TotalMilliseconds:0} ms); check the sender's clock");
                return;
            }

            DeliverNow(bundle, peer, now);
            return;
        }

        if (at - now > _bundles.MaxFuture)
        {
            DropBundle(bundle, "BundleTooFarAhead", $"a bundle from {peer} is timed {(at - now).TotalSeconds:0.#} s ahead (max-future is {_bundles.MaxFuture.TotalSeconds:0.#} s); check the sender's clock");
            return;
        }

        lock (_scheduledLock)
        {
            if (_scheduled.Count >= MaxScheduled)
            {
                DropBundle(bundle, "TooManyScheduledBundles", $"{MaxScheduled} bundles are already waiting for their time");
                return;
            }

            Pending? pending = null;
            pending = new Pending(_context.Scheduler.ScheduleAt(at, () =>
            {
                lock (_scheduledLock)
                {
                    _scheduled.Remove(pending!);
                }

                DeliverNow(bundle, peer, _context.Scheduler.Time.GetUtcNow());
            }));
            _scheduled.Add(pending);
        }
    }

    private void DeliverNow(OscBundle bundle, string? peer, DateTimeOffset now)
    {
        foreach (OscPacket element in bundle.Elements)
        {
            if (element is OscMessage message)
            {
                Deliver(message, peer, now, null);
            }
            else
            {
                Schedule((OscBundle)element, peer, now);
            }
        }
    }

    private void DropBundle(OscBundle bundle, string reason, string detail)
    {
        _counters.Drop(reason, CountIn(bundle));
        if (_errorLog.TryAcquire(out long suppressed))
        {
            TransportsLog.BundleDropped(_log, _endpoint, detail, Suppressed(suppressed));
        }
    }

    private static int CountIn(OscBundle bundle) =>
        bundle.Elements.Sum(e => e is OscBundle nested ? CountIn(nested) : 1);

    /// <summary>Wraps a scheduled delivery so it can be found and cancelled; identity equality only.</summary>
    private sealed class Pending(IDisposable handle) : IDisposable
    {
        public void Dispose() => handle.Dispose();
    }
}
