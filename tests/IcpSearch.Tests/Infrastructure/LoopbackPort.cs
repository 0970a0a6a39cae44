using System.Net;
using System.Net.Sockets;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>Free TCP ports on the loopback interface, for the servers and hosts a test starts.</summary>
public static class LoopbackPort
{
    /// <summary>Returns a port that was free on 127.0.0.1 a moment ago.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
