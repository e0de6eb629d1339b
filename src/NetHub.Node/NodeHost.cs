using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetHub.Node.Control;

namespace NetHub.Node;

/// <summary>
/// Builds the generic host for <c>nethub run</c>: console logging as configured, the control API and the node
/// service. The control API is registered first, so it binds its port before the actor system starts (a port in
/// use stops the start cleanly) and, hosted services stopping in reverse order, is closed after the node.
/// </summary>
public static class NodeHost
{
    public static IHost Build(NodeConfiguration configuration, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // No default sources: the node is configured by HOCON only, never by appsettings.json or stray variables.
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "nethub",
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(configuration.Node.LogLevel);
        if (logging is not null)
        {
            logging(builder.Logging);
        }
        else if (configuration.Node.LogFormat == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        // The node says itself what started and how to stop it; the host's banner would only repeat it.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<NodeService>();
        builder.Services.AddSingleton<ControlServer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ControlServer>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeService>());
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = (configuration.Node.StopTimeout * NodeService.StopOrder.Count) + configuration.Actors.ShutdownTimeout + TimeSpan.FromSeconds(5));
        return builder.Build();
    }
}
