using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Channels;

namespace NextLevel.Worker.Services.Closing;

/// <summary>
/// E-mails the owner of each overdue open task once: the task's remindedAt is set first by a conditional update
/// (only while it is null), so two Workers never both remind; if sending fails the mark is taken back and the next
/// pass retries. A changed due time clears remindedAt (Api), so the new due time is reminded again.
/// [Singleton - ThreadSafe]
/// </summary>
public sealed partial class TaskReminders(IMongoDatabase database, IEmailChannel email, IOptions<ClosingOptions> options, TimeProvider time, ILogger<TaskReminders> logger)
{
    private readonly IMongoCollection<BsonDocument> _leads = database.GetCollection<BsonDocument>(CollectionNames.Leads);
    private readonly IMongoCollection<BsonDocument> _staff = database.GetCollection<BsonDocument>("staff_users");

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new BsonDocument
        {
            { "status", StoredEnum.Name(LeadTaskStatus.Open) }, { "dueAt", new BsonDocument("$lt", now.UtcDateTime) },
            { "ownerId", new BsonDocument("$type", "string") }, { "remindedAt", BsonNull.Value },
        };
        var leads = await _leads.Find(new BsonDocument("tasks", new BsonDocument("$elemMatch", due)))
            .Project(new BsonDocument { { "tasks", 1 } }).Limit(options.Value.BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var row in leads)
        {
            var leadId = row["_id"].AsObjectId;
            var tasks = BsonSerializer.Deserialize<Lead>(row).Tasks.Where(t => TaskRules.NeedsReminder(t, now) && t.RemindedAt is null);
            foreach (var task in tasks)
            {
                if (sent >= options.Value.BatchSize) return sent;
                if (await RemindAsync(leadId, task, now, cancellationToken)) sent++;
            }
        }
        return sent;
    }

    private async Task<bool> RemindAsync(ObjectId leadId, LeadTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = await EmailOfAsync(task.OwnerId!, cancellationToken);
        if (to is null)
        {
            LogNoAddress(task.Id.ToString(), task.OwnerId!);
            return false;
        }
        var mark = await _leads.UpdateOneAsync(
            new BsonDocument { { "_id", leadId }, { "tasks", new BsonDocument("$elemMatch", new BsonDocument { { "_id", task.Id }, { "remindedAt", BsonNull.Value } }) } },
            new BsonDocument("$set", new BsonDocument("tasks.$.remindedAt", now.UtcDateTime)), cancellationToken: cancellationToken);
        if (mark.ModifiedCount == 0) return false;
        try
        {
            await email.SendEmailAsync(Message(leadId, task, to), cancellationToken);
            LogReminded(task.Id.ToString(), leadId.ToString(), task.OwnerId!);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await _leads.UpdateOneAsync(
                new BsonDocument { { "_id", leadId }, { "tasks", new BsonDocument("$elemMatch", new BsonDocument { { "_id", task.Id }, { "remindedAt", now.UtcDateTime } }) } },
                new BsonDocument("$set", new BsonDocument("tasks.$.remindedAt", BsonNull.Value)), cancellationToken: CancellationToken.None);
            LogSendFailed(ex, task.Id.ToString());
            return false;
        }
    }

    private EmailRequest Message(ObjectId leadId, LeadTask task, string to)
    {
        var link = options.Value.WebBaseUrl is { Length: > 0 } web ? $"\n\n{web.TrimEnd('/')}/leads/{leadId}" : "";
        var body = $"Your task \"{task.Title}\" ({StoredEnum.Name(task.Type)}, {StoredEnum.Name(task.Priority)} priority) was due at {task.DueAt:yyyy-MM-dd HH:mm} UTC and is still open.{link}";
        return new EmailRequest(leadId.ToString(), to, $"Overdue task: {task.Title}", body, null);
    }

    private async Task<string?> EmailOfAsync(string userId, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(userId, out var id)) return null;
        var row = await _staff.Find(new BsonDocument { { "_id", id }, { "disabled", new BsonDocument("$ne", true) } })
            .Project(new BsonDocument("email", 1)).FirstOrDefaultAsync(cancellationToken);
        return row?.GetValue("email", BsonNull.Value) is BsonString { Value.Length: > 0 } address ? address.Value : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded the owner {OwnerId} of overdue task {TaskId} on lead {LeadId}")]
    private partial void LogReminded(string taskId, string leadId, string ownerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue task {TaskId}: its owner {OwnerId} has no usable e-mail address")]
    private partial void LogNoAddress(string taskId, string ownerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder of task {TaskId} could not be sent; retrying at the next pass")]
    private partial void LogSendFailed(Exception ex, string taskId);
}
