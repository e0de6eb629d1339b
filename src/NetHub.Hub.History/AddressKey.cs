namespace NetHub.Hub.History;

/// <summary>An address as the statistics track it: per endpoint and direction, so a route's input and output and a tablet's feedback stay apart.</summary>
internal readonly record struct AddressKey(string Endpoint, TrafficDirection Direction, string Address);
