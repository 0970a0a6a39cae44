global using IcpSearch.Tests.Infrastructure;
global using Npgsql;
global using Xunit;
