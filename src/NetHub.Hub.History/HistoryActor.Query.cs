using System.Globalization;
using NetHub.Osc;

namespace NetHub.Hub.History;

/// <summary>History queries: filters combined, newest first, at most the limit, with the number matched.</summary>
public sealed partial class HistoryActor
{
    private void Query(QueryHistory query)
    {
        if (query.Limit < 1 || query.Limit > QueryHistory.MaxLimit)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture, $"limit must be from 1 to {QueryHistory.MaxLimit}, not {query.Limit}"));
            return;
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            Refuse(string.Create(CultureInfo.InvariantCulture, $"the time range is empty: from {from:O} is after to {to:O}"));
            return;
        }

        OscAddressPattern? pattern = null;
        if (query.AddressPattern is not null && !OscAddressPattern.TryParse(query.AddressPattern, out pattern, out string? problem))
        {
            Refuse($"address pattern \"{query.AddressPattern}\" is not a valid OSC address pattern: {problem}");
            return;
        }

        long fromTicks = query.From?.UtcTicks ?? long.MinValue;
        long toTicks = query.To?.UtcTicks ?? long.MaxValue;
        var entries = new List<HistoryRecord>(Math.Min(query.Limit, _ring.Count));
        int matched = 0;
        for (int age = 0; age < _ring.Count; age++)
        {
            HistoryRing.Slot slot = _ring.FromNewest(age);
            if (slot.AtUtcTicks < fromTicks
                || slot.AtUtcTicks > toTicks
                || (query.Direction is { } direction && slot.Direction != direction)
                || (query.Endpoint is not null && !string.Equals(query.Endpoint, slot.Endpoint, StringComparison.Ordinal))
                || (query.Peer is not null && !string.Equals(query.Peer, slot.Peer, StringComparison.Ordinal))
                || (pattern is not null && !pattern.IsMatch(slot.Address)))
            {
                continue;
            }

            matched++;
            if (entries.Count < query.Limit)
            {
                entries.Add(new HistoryRecord(
                    slot.Sequence,
                    new DateTimeOffset(slot.AtUtcTicks, TimeSpan.Zero),
                    slot.Direction,
                    slot.Endpoint,
                    slot.Peer,
                    slot.Message(),
                    slot.Bytes));
            }
        }

        Sender.Tell(new HistoryPage(entries, matched, _totalRecorded));
    }
}
