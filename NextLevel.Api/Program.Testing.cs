// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
