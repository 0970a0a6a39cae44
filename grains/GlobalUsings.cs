global using Microsoft.Extensions.Logging;
global using Npgsql;
global using NpgsqlTypes;
global using Orleans;
global using Orleans.Runtime;
global using Orleans.Concurrency;
