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

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CallQaUser> findForLogin(String username) {
		return this.jdbc.sql("select * from app_user where username = :u")
			.param("u", username)
			.query((rs, row) -> new CallQaUser(rs.getString("username"), rs.getString("password_hash"),
					rs.getBoolean("enabled"), Role.valueOf(rs.getString("role")), rs.getString("agent_name")))
			.optional();
	}

	Optional<UserAccount> find(long id) {
		return this.jdbc.sql("select * from app_user where id = :id").param("id", id).query(this::account).optional();
	}

	List<UserAccount> findAll() {
		return this.jdbc.sql("select * from app_user order by username").query(this::account).list();
	}

	long countAdmins() {
		return this.jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
			.query(Long.class)
			.single();
	}

	long insert(String username, String hash, Role role, @Nullable String agentName, @Nullable String displayName) {
		return this.jdbc.sql("""
				insert into app_user (username, password_hash, role, agent_name, display_name)
				values (:u, :h, :r, :a, :d) returning id""")
			.param("u", username)
			.param("h", hash)
			.param("r", role.name())
			.param("a", agentName)
			.param("d", displayName)
			.query(Long.class)
			.single();
	}

	void update(long id, Role role, @Nullable String agentName, @Nullable String displayName, boolean enabled) {
		this.jdbc.sql("""
				update app_user set role = :r, agent_name = :a, display_name = :d, enabled = :e where id = :id""")
			.param("r", role.name())
			.param("a", agentName)
			.param("d", displayName)
			.param("e", enabled)
			.param("id", id)
			.update();
	}

	void updatePassword(long id, String hash) {
		this.jdbc.sql("update app_user set password_hash = :h where id = :id").param("h", hash).param("id", id).update();
	}

	private UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
				rs.getString("agent_name"), rs.getString("display_name"), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant());
	}

}
