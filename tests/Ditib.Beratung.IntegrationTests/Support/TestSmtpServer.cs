using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>A real SMTP server on a free loopback port, for the life of a test; it keeps what it receives.</summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new NoDelayListeners());
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        WaitUntilListening();
    }

    public int Port { get; }

    /// <summary>Every message accepted, with the recipients of its envelope.</summary>
    public ConcurrentQueue<(MimeMessage Message, IReadOnlyList<string> Recipients)> Received { get; } = new();

    /// <summary>Recipients the server refuses at RCPT TO (550).</summary>
    public Func<string, bool> Refuses { get; set; } = _ => false;

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(r => r.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message).ToList();

    /// <summary>Points the app's e-mail at this server (plain SMTP on loopback).</summary>
    public void Configure(ApiFactory api)
    {
        api.Settings["Beratung:Messages:Email:Smtp:Host"] = "127.0.0.1";
        api.Settings["Beratung:Messages:Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        api.Settings["Beratung:Messages:Email:Smtp:Security"] = "None";
        api.Settings["Beratung:Messages:Email:Smtp:TimeoutSeconds"] = "10";
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled on purpose.
        }

        stop.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>
    /// Listens like the library's own listener, but answers with Nagle's algorithm off: with it on, each answer waited
    /// ~40 ms for the client's delayed ACK, so a thousand messages took a minute.
    /// </summary>
    private sealed class NoDelayListeners : EndpointListenerFactory
    {
        public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }

        private sealed class Listener(TcpListener listener) : IEndpointListener
        {
            public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint;
                context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint;
                return new Pipe(client);
            }

            public void Dispose() => listener.Stop();
        }

        private sealed class Pipe(TcpClient client) : ISecurableDuplexPipe
        {
            public PipeReader Input { get; } = PipeReader.Create(client.GetStream());

            public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());

            public bool IsSecure => false;

            public SslProtocols SslProtocol => SslProtocols.None;

            public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
                throw new NotSupportedException("The test server speaks plain SMTP only.");

            public void Dispose() => client.Dispose();
        }
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            owner.Received.Enqueue((message, transaction.To.Select(to => $"{to.User}@{to.Host}").ToList()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(TestSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!owner.Refuses($"{to.User}@{to.Host}"));
    }
}
