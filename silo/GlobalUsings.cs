global using IcpSearch.ServiceDefaults;
global using Orleans.Configuration;
global using Orleans.Hosting;
