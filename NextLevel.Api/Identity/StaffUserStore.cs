using Microsoft.AspNetCore.Identity;
using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.Api.Identity;

/// <summary>
/// Reads and writes <see cref="StaffUser"/>s and checks passwords. The collection and its unique email index are
/// created with the first user, so an Api without users leaves the database as the catalogue made it.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed class StaffUserStore(IMongoDatabase database, TimeProvider clock)
{
    public const string CollectionName = "staff_users";

    private static readonly PasswordHasher<StaffUser> Hasher = new();
    private int _indexEnsured;

    private IMongoCollection<StaffUser> Users => database.GetCollection<StaffUser>(CollectionName);

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await Users.Find(FilterDefinition<StaffUser>.Empty).Limit(1).AnyAsync(cancellationToken);

    public async Task<StaffUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        await Users.Find(u => u.Email == NormaliseEmail(email)).FirstOrDefaultAsync(cancellationToken);

    public async Task<StaffUser?> FindAsync(ObjectId id, CancellationToken cancellationToken) =>
        await Users.Find(u => u.Id == id).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken cancellationToken) =>
        await Users.Find(FilterDefinition<StaffUser>.Empty).SortBy(u => u.Email).ToListAsync(cancellationToken);

    /// <summary>Creates a user; false when the email is taken.</summary>
    public async Task<StaffUser?> CreateAsync(string email, string displayName, IEnumerable<string> roles, string password, string? timeZone, CancellationToken cancellationToken)
    {
        await EnsureIndexAsync(cancellationToken);
        var user = new StaffUser
        {
            Id = ObjectId.GenerateNewId(),
            Email = NormaliseEmail(email),
            DisplayName = displayName.Trim(),
            Roles = [.. roles.Distinct(StringComparer.Ordinal)],
            TimeZone = timeZone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        try
        {
            await Users.InsertOneAsync(user, cancellationToken: cancellationToken);
            return user;
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return null;
        }
    }

    /// <summary>The user when the password is right and the account enabled; records the sign-in time.</summary>
    public async Task<StaffUser?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            // Same work as a real check, so timing does not tell whether the email exists.
            Hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return null;
        }
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || user.Disabled) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var update = Builders<StaffUser>.Update.Set(u => u.LastSignInAt, now);
        if (result == PasswordVerificationResult.SuccessRehashNeeded) update = update.Set(u => u.PasswordHash, Hasher.HashPassword(user, password));
        await Users.UpdateOneAsync(u => u.Id == user.Id, update, cancellationToken: cancellationToken);
        user.LastSignInAt = now;
        return user;
    }

    public async Task<StaffUser?> UpdateAsync(ObjectId id, IReadOnlyList<string>? roles, bool? disabled, string? displayName, string? timeZone, CancellationToken cancellationToken)
    {
        var updates = new List<UpdateDefinition<StaffUser>>();
        if (roles is not null) updates.Add(Builders<StaffUser>.Update.Set(u => u.Roles, [.. roles.Distinct(StringComparer.Ordinal)]));
        if (disabled is not null) updates.Add(Builders<StaffUser>.Update.Set(u => u.Disabled, disabled.Value));
        if (displayName is not null) updates.Add(Builders<StaffUser>.Update.Set(u => u.DisplayName, displayName.Trim()));
        if (timeZone is not null) updates.Add(Builders<StaffUser>.Update.Set(u => u.TimeZone, timeZone));
        if (updates.Count == 0) return await FindAsync(id, cancellationToken);
        return await Users.FindOneAndUpdateAsync<StaffUser>(u => u.Id == id, Builders<StaffUser>.Update.Combine(updates),
            new FindOneAndUpdateOptions<StaffUser> { ReturnDocument = ReturnDocument.After }, cancellationToken);
    }

    public async Task<bool> SetPasswordAsync(ObjectId id, string password, CancellationToken cancellationToken)
    {
        var user = await FindAsync(id, cancellationToken);
        if (user is null) return false;
        var result = await Users.UpdateOneAsync(u => u.Id == id, Builders<StaffUser>.Update.Set(u => u.PasswordHash, Hasher.HashPassword(user, password)), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _indexEnsured) == 1) return;
        await Users.Indexes.CreateOneAsync(new CreateIndexModel<StaffUser>(
            Builders<StaffUser>.IndexKeys.Ascending(u => u.Email), new CreateIndexOptions { Unique = true, Name = "email_1" }), cancellationToken: cancellationToken);
        Volatile.Write(ref _indexEnsured, 1);
    }

    private static readonly StaffUser DummyUser = new();
    private static readonly string DummyHash = Hasher.HashPassword(DummyUser, Guid.NewGuid().ToString("N"));
}
