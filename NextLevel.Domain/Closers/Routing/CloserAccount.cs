using MongoDB.Bson;

namespace NextLevel.Domain.Closers.Routing;

/// <summary>The routing view of a staff user (collection <c>staff_users</c>, owned by the Api's identity feature):
/// only what routing reads. Other fields are ignored.</summary>
public sealed class CloserAccount
{
    public const string CollectionName = "staff_users";

    public ObjectId Id { get; set; }

    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public bool Disabled { get; set; }

    public CloserProfile? Closer { get; set; }
}
