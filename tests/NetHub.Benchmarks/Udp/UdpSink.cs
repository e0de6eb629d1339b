using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NetHub.Actors;
using NetHub.Configuration;
using NetHub.Transports;

namespace NetHub.Benchmarks.Udp;

/// <summary>
/// <c>NetHub.Benchmarks udp-sink PORT</c>: a real OSC UDP endpoint (the actor, its receive thread,
/// validation, counters, peers and history) with nowhere to deliver to, as the receiver under test in
/// bench/udp-receive.sh. Prints "ready"; on stdin "mark" takes a baseline after warm-up, "report"
/// prints the messages and GC bytes allocated since the mark, then exits.
/// </summary>
internal static class UdpSink
{
    public static int Run(string[] args)
    {
        int port = int.Parse(args[1], CultureInfo.InvariantCulture);
        ActorSystem system = ActorSystem.Create("bench");
        using var scheduler = new PreciseScheduler(TimeProvider.System, NullLogger.Instance);
        Config config = Config.Parse($"nethub.endpoints.sink {{ type = osc-udp, bind = \"0.0.0.0:{port}\" }}")
            .WithFallback(EndpointConfiguration.Reference).Resolve();
        EndpointDefinition sink = EndpointConfiguration.Read(config)[0];
        IActorRef endpoint = system.ActorOf(EndpointFactory.Create(sink, new EndpointContext("bench", null, scheduler)), "sink");
        Status(endpoint);
        Console.WriteLine("ready");

        long baseMessages = 0;
        long baseAllocated = 0;
        string? line;
        while ((line = Console.ReadLine()) is not null)
        {
            if (line == "mark")
            {
                baseMessages = Status(endpoint).Counters.MessagesIn;
                baseAllocated = GC.GetTotalAllocatedBytes(precise: true);
            }
            else if (line == "report")
            {
                long allocated = GC.GetTotalAllocatedBytes(precise: true) - baseAllocated;
                long received = Status(endpoint).Counters.MessagesIn - baseMessages;
                double perDatagram = received == 0 ? 0 : (double)allocated / received;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"received {received} allocated {allocated} ({perDatagram:0.000} B/datagram)"));
                break;
            }
        }

        system.Terminate().Wait(TimeSpan.FromSeconds(10));
        return 0;
    }

    private static EndpointStatus Status(IActorRef endpoint) =>
        endpoint.AskAsync<EndpointStatus>(GetEndpointStatus.Instance, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
}
