var builder = DistributedApplication.CreateBuilder(args);
builder.AddProject<Projects.ChartService>("charts");
builder.Build().Run();
