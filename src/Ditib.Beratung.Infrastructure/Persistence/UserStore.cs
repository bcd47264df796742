using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Persistence;

internal sealed class UserStore(DbSession session, IClock clock) : IUserRepository
{
    private const string SelectUsers = """
        SELECT u.id, u.username, u.password_hash, u.active, u.failed_sign_ins, u.locked_until, u.security_stamp,
               u.data_key_id, u.totp_secret, u.totp_pending_secret, u.totp_last_step, u.password_change_required,
               (SELECT group_concat(role, ',') FROM user_role r WHERE r.user_id = u.id) AS roles
        FROM app_user u
        """;

    public async Task<User?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await SingleAsync(SelectUsers + " WHERE u.id = @id", new { id }, cancellationToken);

    public async Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        await SingleAsync(SelectUsers + " WHERE lower(u.username) = lower(@username)", new { username }, cancellationToken);

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<Row>(SelectUsers + " ORDER BY lower(u.username)", null, cancellationToken);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task AddAsync(User user, CancellationToken cancellationToken)
    {
        const string insertUser = """
            INSERT INTO app_user (id, username, password_hash, active, failed_sign_ins, locked_until, security_stamp,
                                  data_key_id, totp_secret, totp_pending_secret, totp_last_step, password_change_required, created_at, updated_at)
            VALUES (@Id, @Username, @PasswordHash, @Active, @FailedSignIns, @LockedUntil, @SecurityStamp,
                    @DataKeyId, @TotpSecret, @TotpPendingSecret, @TotpLastStep, @PasswordChangeRequired, @now, @now)
            """;
        const string insertRole = "INSERT INTO user_role (user_id, role) VALUES (@Id, @Role)";
        await session.ExecuteAsync(insertUser, Parameters(user), cancellationToken);
        await session.ExecuteAsync(insertRole, user.Roles.Select(role => new { user.Id, Role = role }), cancellationToken);
    }

    public async Task UpdateAsync(User user, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE app_user SET password_hash = @PasswordHash, active = @Active, failed_sign_ins = @FailedSignIns,
                                locked_until = @LockedUntil, security_stamp = @SecurityStamp, data_key_id = @DataKeyId,
                                totp_secret = @TotpSecret, totp_pending_secret = @TotpPendingSecret, totp_last_step = @TotpLastStep,
                                password_change_required = @PasswordChangeRequired, updated_at = @now
            WHERE id = @Id
            """;
        const string deleteRoles = "DELETE FROM user_role WHERE user_id = @Id AND role NOT IN @Roles";
        const string insertRoles = "INSERT INTO user_role (user_id, role) SELECT @Id, @Role WHERE NOT EXISTS (SELECT 1 FROM user_role WHERE user_id = @Id AND role = @Role)";
        await session.ExecuteAsync(sql, Parameters(user), cancellationToken);
        await session.ExecuteAsync(deleteRoles, new { user.Id, Roles = user.Roles.ToArray() }, cancellationToken);
        await session.ExecuteAsync(insertRoles, user.Roles.Select(role => new { user.Id, Role = role }), cancellationToken);
    }

    private object Parameters(User user) => new
    {
        user.Id,
        user.Username,
        user.PasswordHash,
        user.Active,
        user.FailedSignIns,
        user.LockedUntil,
        user.SecurityStamp,
        user.SecondFactor.DataKeyId,
        TotpSecret = user.SecondFactor.Secret,
        TotpPendingSecret = user.SecondFactor.PendingSecret,
        TotpLastStep = user.SecondFactor.LastStep,
        user.PasswordChangeRequired,
        now = clock.GetCurrentInstant(),
    };

    private async Task<User?> SingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>(sql, parameters, cancellationToken);
        return row?.ToDomain();
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Username { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public bool Active { get; set; }
        public long FailedSignIns { get; set; }
        public Instant? LockedUntil { get; set; }
        public string SecurityStamp { get; set; } = "";
        public string? Roles { get; set; }
        public Guid? DataKeyId { get; set; }
        public byte[]? TotpSecret { get; set; }
        public byte[]? TotpPendingSecret { get; set; }
        public long? TotpLastStep { get; set; }
        public bool PasswordChangeRequired { get; set; }

        public User ToDomain() =>
            new(Id, Username, PasswordHash, CodeList.Split(Roles), Active, (int)FailedSignIns, LockedUntil, SecurityStamp,
                new SecondFactor(DataKeyId, TotpSecret, TotpPendingSecret, TotpLastStep), PasswordChangeRequired);
    }
}
