using NetHub.Actors;

namespace NetHub.Transports;

/// <summary>Props for a configured endpoint, bare or under its backoff supervisor.</summary>
public static class EndpointFactory
{
    public static Props Create(EndpointDefinition definition, EndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        string name = definition.Name;
        return definition.Settings switch
        {
            OscUdpSettings udp => Props.Create(() => new OscUdpEndpoint(name, udp, context)).WithRunsOnSender(),
            OscTcpServerSettings server => Props.Create(() => new OscTcpServerEndpoint(name, server, context)),
            OscTcpClientSettings client => Props.Create(() => new OscTcpClientEndpoint(name, client, context)),
            TextUdpSettings udp => Props.Create(() => new TextUdpEndpoint(name, udp, context)).WithRunsOnSender(),
            TextTcpServerSettings server => Props.Create(() => new TextTcpServerEndpoint(name, server, context)),
            TextTcpClientSettings client => Props.Create(() => new TextTcpClientEndpoint(name, client, context)),
            _ => throw new ArgumentException($"No endpoint implements {definition.Settings.GetType().Name}", nameof(definition)),
        };
    }

    /// <summary>The endpoint as a child (named after its type) of a backoff supervisor configured by its <c>restart</c> settings.</summary>
    public static Props CreateSupervised(EndpointDefinition definition, EndpointContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Settings.Restart.ToBackoff(Create(definition, context), definition.Type).ToProps();
    }
}
