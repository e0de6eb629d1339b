using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetHub.Actors;
using NetHub.Transports;

namespace NetHub.Node.Control;

/// <summary>
/// The node's local control API (docs/control.md): a small HTTP + JSON server on <c>nethub.control.bind</c> that
/// reports status and forwards show commands to /user/hub, for the <c>nethub status</c>, <c>cue</c>, <c>scene</c>,
/// <c>panic</c> and <c>send</c> commands and for scripts. It binds before the actor system starts, so a port in use
/// stops the node at once with the port and the setting named; until /user/hub exists, and from the moment the host
/// begins to stop, requests are answered 503. Stopping it releases the port.
/// </summary>
public sealed partial class ControlServer(NodeConfiguration configuration, NodeService node, ILoggerFactory loggerFactory, TimeProvider time)
    : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>Largest request body accepted (a /api/send message); anything larger is answered 413.</summary>
    public const int MaxRequestBody = 1024 * 1024;

    private readonly ILogger _log = loggerFactory.CreateLogger<ControlServer>();
    private readonly ControlSettings _settings = configuration.Node.Control;
    private WebApplication? _app;
    private volatile bool _stopping;

    /// <summary>Where the API listens once started ("http://127.0.0.1:7400/"); null while stopped or disabled.</summary>
    public Uri? Url { get; private set; }

    /// <summary>When the server started, i.e. when the node started: the origin of the uptime in /api/status.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StartedAt = time.GetUtcNow();
        _stopping = false;
        if (!_settings.Enabled)
        {
            NodeLog.ControlDisabled(_log);
            return;
        }

        IPEndPoint endPoint;
        try
        {
            endPoint = NetAddress.ResolveBind(_settings.Bind);
        }
        catch (Exception ex) when (ex is FormatException or SocketException or ArgumentException)
        {
            throw BindFailed(ex.Message, ex);
        }

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "nethub-control" });
        // The node's log, without ASP.NET Core's per-request lines and its own start banner: the node logs what
        // matters (listening, refusals, commands) itself.
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBody;
            kestrel.Listen(endPoint);
        });
        WebApplication app = builder.Build();
        MapRoutes(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw BindFailed(Reason(ex), ex);
        }

        _app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{_settings.Bind}";
        Url = new Uri(address.EndsWith('/') ? address : address + "/");
        string access = _settings.RequiresToken
            ? "token required"
            : "loopback only, no token";
        NodeLog.ControlListening(_log, Url.ToString().TrimEnd('/'), access);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The host is about to stop the node: from now on every request is answered 503.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        WebApplication? app = _app;
        if (app is null)
        {
            return;
        }

        _app = null;
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        NodeLog.ControlStopped(_log, Url?.ToString().TrimEnd('/') ?? _settings.Bind);
        Url = null;
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        WebApplication? app = _app;
        _app = null;
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>/user/hub, when the node is running and not stopping.</summary>
    private bool TryHub([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IActorRef? hub)
    {
        hub = null;
        ActorSystem? system = node.System;
        return !_stopping && system is not null && !system.WhenTerminated.IsCompleted && system.TryResolve("/user/hub", out hub);
    }

    private IOException BindFailed(string reason, Exception inner)
    {
        NodeLog.ControlBindFailed(_log, _settings.Bind, reason);
        return new IOException(
            $"the control API cannot listen on {_settings.Bind} ({ControlSettings.Section}.bind): {reason}. "
            + $"Another nethub node may be running on this machine: stop it, set {ControlSettings.Section}.bind to a free port "
            + $"(--set {ControlSettings.Section}.bind=127.0.0.1:7401), or turn the API off ({ControlSettings.Section}.enabled = off)",
            inner);
    }

    /// <summary>Hands the web server's log categories to the node's logger factory.</summary>
    private sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

        public void Dispose()
        {
            // The node owns the factory.
        }
    }

    private static string Reason(IOException ex) =>
        ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
            ? "the port is already in use"
            : ex.Message;
}
