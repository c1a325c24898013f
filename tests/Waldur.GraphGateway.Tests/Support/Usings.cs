// Every test area starts its gateway through Support.
global using Waldur.GraphGateway.Tests.Support;
