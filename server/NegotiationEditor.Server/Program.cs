var app = WebApplication.CreateBuilder(args).Build();
app.Run();

/// <summary>The server's entry point (a partial class so tests can host it).</summary>
public partial class Program;
