global using IcpSearch.ServiceDefaults;
global using Microsoft.AspNetCore.Http.HttpResults;
