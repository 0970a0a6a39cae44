using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// <see cref="IThreadStore"/> over <c>threads</c> and <c>thread_checkpoints</c>.
/// </summary>
public sealed class NpgsqlThreadStore(NpgsqlDataSource dataSource) : IThreadStore
{
    private const string CheckpointColumns = "c.checkpoint_id, c.parent_id, c.run_id, c.step, c.source, c.created_at, c.values::text";

    /// <inheritdoc />
    public async Task<ThreadRecord?> GetAsync(Guid threadId, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT t.thread_id, t.tenant_id, t.metadata::text, t.status, t.created_at, t.updated_at, t.version, {CheckpointColumns}
            FROM threads t
            LEFT JOIN thread_checkpoints c ON c.checkpoint_id = t.head_checkpoint_id
            WHERE t.thread_id = @thread_id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("thread_id", threadId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ThreadRecord(
            ThreadId: reader.GetGuid(0),
            TenantId: reader.GetString(1),
            MetadataJson: reader.GetString(2),
            Status: reader.GetString(3),
            CreatedAt: reader.GetFieldValue<DateTimeOffset>(4),
            UpdatedAt: reader.GetFieldValue<DateTimeOffset>(5),
            Head: reader.IsDBNull(7) ? null : ReadCheckpoint(reader, 7),
            Version: reader.GetInt32(6));
    }

    /// <inheritdoc />
    public async Task<bool> TryInsertAsync(ThreadRecord thread, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO threads (thread_id, tenant_id, metadata, status, created_at, updated_at)
            VALUES (@thread_id, @tenant_id, @metadata, @status, @created_at, @created_at)
            ON CONFLICT (thread_id) DO NOTHING
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("thread_id", thread.ThreadId);
        command.Parameters.AddWithValue("tenant_id", thread.TenantId);
        command.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, thread.MetadataJson);
        command.Parameters.AddWithValue("status", thread.Status);
        command.Parameters.AddWithValue("created_at", thread.CreatedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<ThreadRecord> SaveAsync(ThreadRecord thread, ThreadCheckpoint? checkpoint, int expectedVersion, CancellationToken cancellationToken = default)
    {
        const string insertCheckpoint = """
            INSERT INTO thread_checkpoints (checkpoint_id, thread_id, parent_id, run_id, step, source, created_at, values)
            VALUES (@checkpoint_id, @thread_id, @parent_id, @run_id, @step, @source, @created_at, @values)
            """;
        const string updateThread = """
            UPDATE threads
            SET metadata = @metadata, status = @status, head_checkpoint_id = @head, updated_at = @updated_at, version = version + 1
            WHERE thread_id = @thread_id AND version = @expected_version
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (checkpoint is not null)
        {
            await using var insert = new NpgsqlCommand(insertCheckpoint, connection, transaction);
            insert.Parameters.AddWithValue("checkpoint_id", checkpoint.CheckpointId);
            insert.Parameters.AddWithValue("thread_id", thread.ThreadId);
            insert.Parameters.Add(new NpgsqlParameter<Guid?>("parent_id", checkpoint.ParentId) { NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.AddWithValue("run_id", checkpoint.RunId);
            insert.Parameters.AddWithValue("step", checkpoint.Step);
            insert.Parameters.AddWithValue("source", checkpoint.Source);
            insert.Parameters.AddWithValue("created_at", checkpoint.CreatedAt);
            insert.Parameters.AddWithValue("values", NpgsqlDbType.Jsonb, checkpoint.ValuesJson);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var head = checkpoint ?? thread.Head;
        await using (var update = new NpgsqlCommand(updateThread, connection, transaction))
        {
            update.Parameters.AddWithValue("thread_id", thread.ThreadId);
            update.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, thread.MetadataJson);
            update.Parameters.AddWithValue("status", thread.Status);
            update.Parameters.Add(new NpgsqlParameter<Guid?>("head", head?.CheckpointId) { NpgsqlDbType = NpgsqlDbType.Uuid });
            update.Parameters.AddWithValue("updated_at", thread.UpdatedAt);
            update.Parameters.AddWithValue("expected_version", expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                // Only one activation writes a thread; a mismatch means another one did (a duplicate activation
                // during a silo failure), and this one must not overwrite what it never saw.
                throw new InvalidOperationException($"Thread {thread.ThreadId} changed since it was read (expected version {expectedVersion}).");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return thread with { Head = head, Version = expectedVersion + 1 };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ThreadCheckpoint>> HistoryAsync(Guid threadId, int limit, Guid? before, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        const string sql = $"""
            SELECT {CheckpointColumns}
            FROM thread_checkpoints c
            WHERE c.thread_id = @thread_id
              AND (@before::uuid IS NULL OR c.step < (SELECT b.step FROM thread_checkpoints b WHERE b.checkpoint_id = @before AND b.thread_id = @thread_id))
            ORDER BY c.step DESC
            LIMIT @limit
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("thread_id", threadId);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("before", before) { NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue("limit", limit);
        var checkpoints = new List<ThreadCheckpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(ReadCheckpoint(reader, 0));
        }

        return checkpoints;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ThreadSnapshot>> SearchAsync(ThreadSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, 1000);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Offset);

        // The protocol pages by offset; a tenant's threads are few enough for that, and the index serves the order.
        const string sql = """
            SELECT t.thread_id, t.created_at, t.updated_at, t.metadata::text, t.status, c.values::text
            FROM threads t
            LEFT JOIN thread_checkpoints c ON c.checkpoint_id = t.head_checkpoint_id
            WHERE t.tenant_id = @tenant_id AND t.metadata @> @metadata AND (@status::text IS NULL OR t.status = @status)
            ORDER BY t.created_at DESC, t.thread_id DESC
            LIMIT @limit OFFSET @offset
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant_id", request.TenantId);
        command.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, request.MetadataJson);
        command.Parameters.Add(new NpgsqlParameter<string?>("status", request.Status) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.AddWithValue("limit", request.Limit);
        command.Parameters.AddWithValue("offset", request.Offset);
        var threads = new List<ThreadSnapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            threads.Add(new ThreadSnapshot(
                reader.GetGuid(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return threads;
    }

    private static ThreadCheckpoint ReadCheckpoint(NpgsqlDataReader reader, int first) => new(
        CheckpointId: reader.GetGuid(first),
        ParentId: reader.IsDBNull(first + 1) ? null : reader.GetGuid(first + 1),
        RunId: reader.GetGuid(first + 2),
        Step: reader.GetInt32(first + 3),
        Source: reader.GetString(first + 4),
        CreatedAt: reader.GetFieldValue<DateTimeOffset>(first + 5),
        ValuesJson: reader.GetString(first + 6));
}
