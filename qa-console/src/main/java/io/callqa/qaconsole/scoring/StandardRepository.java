package io.callqa.qaconsole.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code standard}, {@code scorecard_version} and {@code scorecard_assignment}. The scorecard's sections
 * are kept as JSON: a version is always read whole and never changed.
 */
@Repository
class StandardRepository {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String STANDARD = """
			select s.*, (select max(version) from scorecard_version v where v.standard_id = s.id) as current_version,
			       (select coalesce(array_agg(queue order by queue), '{}') from scorecard_assignment a
			        where a.standard_id = s.id) as queues
			from standard s""";

	private final JdbcClient jdbc;

	StandardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Standard> findAll() {
		return this.jdbc.sql(STANDARD + " order by s.name").query(StandardRepository::standard).list();
	}

	Optional<Standard> find(long id) {
		return this.jdbc.sql(STANDARD + " where s.id = :id").param("id", id).query(StandardRepository::standard).optional();
	}

	Optional<Standard> findByName(String name) {
		return this.jdbc.sql(STANDARD + " where s.name = :name")
			.param("name", name)
			.query(StandardRepository::standard)
			.optional();
	}

	/** Inserts the standard unless one with the name exists; empty when it did. */
	Optional<Long> insertIfAbsent(String name, @Nullable String description) {
		return this.jdbc
			.sql("insert into standard (name, description) values (:name, :description) on conflict (name) do nothing returning id")
			.param("name", name)
			.param("description", description)
			.query(Long.class)
			.optional();
	}

	/** Locks the standard's row, so two edits at once make two versions one after the other. */
	boolean lock(long id) {
		return this.jdbc.sql("select id from standard where id = :id for update").param("id", id).query(Long.class)
			.optional()
			.isPresent();
	}

	void updateDescription(long id, String description) {
		this.jdbc.sql("update standard set description = :description where id = :id")
			.param("id", id)
			.param("description", description)
			.update();
	}

	ScorecardVersion insertVersion(long standardId, Scorecard scorecard, @Nullable String createdBy) {
		long id = this.jdbc.sql("""
				insert into scorecard_version (standard_id, version, definition, pass_threshold, created_by)
				values (:standardId,
				        (select coalesce(max(version), 0) + 1 from scorecard_version where standard_id = :standardId),
				        cast(:definition as jsonb), :threshold, :createdBy)
				returning id""")
			.param("standardId", standardId)
			.param("definition", json.writeValueAsString(Map.of("sections", scorecard.sections())))
			.param("threshold", scorecard.passThreshold())
			.param("createdBy", createdBy)
			.query(Long.class)
			.single();
		return findVersion(id).orElseThrow();
	}

	Optional<ScorecardVersion> findVersion(long versionId) {
		return this.jdbc.sql("select * from scorecard_version where id = :id")
			.param("id", versionId)
			.query(StandardRepository::version)
			.optional();
	}

	List<ScorecardVersion> versions(long standardId) {
		return this.jdbc.sql("select * from scorecard_version where standard_id = :id order by version desc")
			.param("id", standardId)
			.query(StandardRepository::version)
			.list();
	}

	void assign(String queue, long standardId) {
		this.jdbc.sql("""
				insert into scorecard_assignment (queue, standard_id) values (:queue, :standardId)
				on conflict (queue) do update set standard_id = excluded.standard_id""")
			.param("queue", queue)
			.param("standardId", standardId)
			.update();
	}

	Optional<Long> assignedTo(String queue) {
		return this.jdbc.sql("select standard_id from scorecard_assignment where queue = :queue")
			.param("queue", queue)
			.query(Long.class)
			.optional();
	}

	private static Standard standard(ResultSet rs, int row) throws SQLException {
		return new Standard(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("current_version"),
				List.of((String[]) rs.getArray("queues").getArray()));
	}

	private static ScorecardVersion version(ResultSet rs, int row) throws SQLException {
		Definition definition = json.readValue(rs.getString("definition"), Definition.class);
		return new ScorecardVersion(rs.getLong("id"), rs.getLong("standard_id"), rs.getInt("version"),
				new Scorecard(rs.getDouble("pass_threshold"), definition.sections()), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	/** The JSON kept in {@code scorecard_version.definition}; the pass threshold has its own column. */
	record Definition(List<Scorecard.Section> sections) {

	}

}
