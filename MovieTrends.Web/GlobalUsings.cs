global using MovieTrends.Web.Page;
global using MovieTrends.Web.Proxy;
global using MovieTrends.Web.Security;
