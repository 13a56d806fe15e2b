global using MovieTrends.Web.Proxy;
global using MovieTrends.Web.Security;
