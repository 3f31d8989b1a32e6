package io.callqa.qaconsole.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code legal_hold}. */
@Repository
class HoldRepository {

	private final JdbcClient jdbc;

	HoldRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(@Nullable Long callId, @Nullable String number, String reason, String placedBy) {
		return this.jdbc.sql("""
				insert into legal_hold (call_id, number, reason, placed_by) values (:call, :number, :reason, :by)
				returning id""")
			.param("call", callId)
			.param("number", number)
			.param("reason", reason)
			.param("by", placedBy)
			.query(Long.class)
			.single();
	}

	/** False when there is no such hold or it was released already. */
	boolean release(long id, String by, @Nullable String note) {
		return this.jdbc.sql("""
				update legal_hold set released_at = now(), released_by = :by, release_note = :note
				where id = :id and released_at is null""")
			.param("id", id)
			.param("by", by)
			.param("note", note)
			.update() == 1;
	}

	Optional<Hold> find(long id) {
		return this.jdbc.sql("select * from legal_hold where id = :id").param("id", id).query(this::hold).optional();
	}

	/** Active holds first, newest first; released ones too when asked. */
	List<Hold> list(boolean withReleased, @Nullable Long callId, @Nullable String number) {
		return this.jdbc.sql("""
				select * from legal_hold
				where (:all or released_at is null)
				  and (cast(:call as bigint) is null or call_id = :call)
				  and (cast(:number as text) is null or number = :number)
				order by released_at is not null, placed_at desc, id desc""")
			.param("all", withReleased)
			.param("call", callId)
			.param("number", number)
			.query(this::hold)
			.list();
	}

	/** Of these calls, those under an active hold of their own. */
	Set<Long> heldCalls(Collection<Long> callIds) {
		return new TreeSet<>(this.jdbc.sql("""
				select distinct call_id from legal_hold
				where released_at is null and call_id = any(cast(:ids as bigint[]))""")
			.param("ids", array(callIds))
			.query(Long.class)
			.list());
	}

	/** The numbers (digits) under an active hold. */
	Set<String> heldNumbers() {
		return new TreeSet<>(this.jdbc.sql("select distinct number from legal_hold where released_at is null and number is not null")
			.query(String.class)
			.list());
	}

	private static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private Hold hold(ResultSet rs, int row) throws SQLException {
		Timestamp released = rs.getTimestamp("released_at");
		return new Hold(rs.getLong("id"), rs.getObject("call_id", Long.class), rs.getString("number"),
				rs.getString("reason"), rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(),
				(released != null) ? released.toInstant() : null, rs.getString("released_by"),
				rs.getString("release_note"));
	}

}
