package io.callqa.qaconsole.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code app_user}, which this feature owns.
 */
@Repository
class UserRepository {

	private static final String WITH_QUEUES = """
			select u.*, array(select q.queue from user_queue q where q.user_id = u.id order by q.queue) as queues
			from app_user u""";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** User names log in regardless of case (they are unique regardless of case). */
	Optional<CallQaUser> findForLogin(String username) {
		return this.jdbc.sql("select * from app_user where lower(username) = lower(:u)")
			.param("u", username)
			.query((rs, row) -> new CallQaUser(rs.getLong("id"), rs.getString("username"),
					rs.getString("password_hash"), rs.getBoolean("enabled"), Role.valueOf(rs.getString("role")),
					rs.getString("agent_name"), rs.getLong("session_version")))
			.optional();
	}

	/** Whether the user is still enabled with the session version a session logged in with. */
	boolean isCurrent(long id, long sessionVersion) {
		return this.jdbc.sql("select count(*) from app_user where id = :id and enabled and session_version = :v")
			.param("id", id)
			.param("v", sessionVersion)
			.query(Long.class)
			.single() > 0;
	}

	boolean existsNamed(String username) {
		return this.jdbc.sql("select count(*) from app_user where lower(username) = lower(:u)")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	boolean existsAgent(String agentName, long exceptId) {
		return this.jdbc.sql("select count(*) from app_user where agent_name = :a and id <> :id")
			.param("a", agentName)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Locks the enabled admins' rows (in id order, so two transactions never wait on each other) until the
	 * transaction ends: a concurrent demotion waits, then sees this one's outcome.
	 */
	List<Long> lockEnabledAdmins() {
		return this.jdbc.sql("select id from app_user where role = 'ADMIN' and enabled order by id for update")
			.query(Long.class)
			.list();
	}

	Optional<UserAccount> find(long id) {
		return this.jdbc.sql(WITH_QUEUES + " where id = :id").param("id", id).query(this::account).optional();
	}

	List<UserAccount> findAll() {
		return this.jdbc.sql(WITH_QUEUES + " order by username").query(this::account).list();
	}

	long countAdmins() {
		return this.jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
			.query(Long.class)
			.single();
	}

	long insert(String username, String hash, Role role, @Nullable String agentName, @Nullable String displayName,
			@Nullable String phone) {
		return this.jdbc.sql("""
				insert into app_user (username, password_hash, role, agent_name, display_name, phone)
				values (:u, :h, :r, :a, :d, :p) returning id""")
			.param("u", username)
			.param("h", hash)
			.param("r", role.name())
			.param("a", agentName)
			.param("d", displayName)
			.param("p", phone)
			.query(Long.class)
			.single();
	}

	/**
	 * The phone and queues are read afresh on every action (not kept in the session), so a change needs no new
	 * session.
	 */
	void updateFloor(long id, @Nullable String phone, List<String> queues) {
		this.jdbc.sql("update app_user set phone = :p where id = :id").param("p", phone).param("id", id).update();
		this.jdbc.sql("delete from user_queue where user_id = :id").param("id", id).update();
		for (String queue : queues) {
			this.jdbc.sql("insert into user_queue (user_id, queue) values (:id, :q)")
				.param("id", id)
				.param("q", queue)
				.update();
		}
	}

	/** A new role, agent or enabled flag also ends the user's sessions (a new session version). */
	void update(long id, Role role, @Nullable String agentName, @Nullable String displayName, boolean enabled) {
		this.jdbc.sql("""
				update app_user set role = :r, agent_name = :a, display_name = :d, enabled = :e,
				    session_version = session_version
				        + case when role <> :r or enabled <> :e or agent_name is distinct from :a then 1 else 0 end
				where id = :id""")
			.param("r", role.name())
			.param("a", agentName)
			.param("d", displayName)
			.param("e", enabled)
			.param("id", id)
			.update();
	}

	/** A new password ends the user's sessions. */
	void updatePassword(long id, String hash) {
		this.jdbc.sql("update app_user set password_hash = :h, session_version = session_version + 1 where id = :id")
			.param("h", hash)
			.param("id", id)
			.update();
	}

	private UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
				rs.getString("agent_name"), rs.getString("display_name"), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("phone"),
				List.of((String[]) rs.getArray("queues").getArray()));
	}

}
