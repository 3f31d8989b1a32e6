package io.callqa.qaconsole.calibration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.qaconsole.scoring.Scorecard;
import io.callqa.qaconsole.scoring.ScorecardVersion;
import io.callqa.qaconsole.scoring.Standards;

/**
 * Blind calibration sessions: the owner (a supervisor) picks calls, a standard and participants (supervisors or
 * admins; the owner takes part too); each participant answers every item of every call and submits; a participant
 * reads the others' answers only after submitting their own, or once the owner closed the session; the owner records
 * the agreed answer per call and item. Callers check roles; this class checks each user's part in the session.
 */
@Service
class CalibrationSessions {

	static final int MAX_CALLS = 50;

	static final int MAX_PARTICIPANTS = 30;

	static final int MAX_COMMENT = 2_000;

	private final JdbcClient jdbc;

	private final Standards standards;

	CalibrationSessions(JdbcClient jdbc, Standards standards) {
		this.jdbc = jdbc;
		this.standards = standards;
	}

	/** Creates a session with the standard's current version (the default standard when none given). */
	@Transactional
	public CalibrationSession create(String owner, String title, @Nullable Long standardId, List<Long> callIds,
			List<String> participants) {
		require(title != null && !title.isBlank() && title.length() <= 200, "A session needs a title (200 characters at most)");
		require(callIds != null && !callIds.isEmpty() && callIds.size() <= MAX_CALLS,
				"A session needs 1 to " + MAX_CALLS + " calls");
		Set<Long> calls = new LinkedHashSet<>(callIds);
		require(calls.size() == callIds.size(), "A call is listed twice");
		Set<String> people = new LinkedHashSet<>();
		people.add(owner);
		if (participants != null) {
			people.addAll(participants);
		}
		require(people.size() >= 2 && people.size() <= MAX_PARTICIPANTS,
				"A session needs 2 to " + MAX_PARTICIPANTS + " participants (the owner included)");
		for (String person : people) {
			String role = this.jdbc.sql("select role from app_user where username = :u and enabled")
				.param("u", person)
				.query(String.class)
				.optional()
				.orElse(null);
			require("SUPERVISOR".equals(role) || "ADMIN".equals(role),
					"Participant '" + person + "' is not a supervisor or admin");
		}
		for (long call : calls) {
			require(this.jdbc.sql("select count(*) from call where id = :id").param("id", call).query(Long.class)
				.single() == 1, "No call " + call);
		}
		ScorecardVersion version = (standardId != null) ? this.standards.current(standardId)
				: this.standards.forQueue(null);
		long id = this.jdbc.sql("""
				insert into calibration_session (title, scorecard_version_id, owner) values (:title, :version, :owner)
				returning id""")
			.param("title", title.strip())
			.param("version", version.id())
			.param("owner", owner)
			.query(Long.class)
			.single();
		int seq = 0;
		for (long call : calls) {
			this.jdbc.sql("insert into calibration_call (session_id, call_id, seq) values (:s, :c, :seq)")
				.param("s", id).param("c", call).param("seq", seq++).update();
		}
		for (String person : people) {
			this.jdbc.sql("insert into calibration_participant (session_id, username) values (:s, :u)")
				.param("s", id).param("u", person).update();
		}
		return find(id, owner);
	}

	/** The sessions the user takes part in, newest first. */
	@Transactional(readOnly = true)
	public List<CalibrationSession.Summary> list(String username) {
		return this.jdbc.sql("""
				select s.id, s.title, s.owner, s.created_at, s.closed_at, me.submitted_at,
				       (select count(*) from calibration_call c where c.session_id = s.id) as calls,
				       (select count(*) from calibration_participant p where p.session_id = s.id) as participants,
				       (select count(submitted_at) from calibration_participant p where p.session_id = s.id) as submitted
				from calibration_session s
				join calibration_participant me on me.session_id = s.id and me.username = :u
				order by s.id desc""")
			.param("u", username)
			.query((rs, n) -> new CalibrationSession.Summary(rs.getLong("id"), rs.getString("title"),
					rs.getString("owner"), instant(rs, "created_at"), instant(rs, "closed_at"), rs.getInt("calls"),
					rs.getInt("participants"), rs.getInt("submitted"), instant(rs, "submitted_at")))
			.list();
	}

	/** The session as the participant sees it: their own answers only. */
	@Transactional(readOnly = true)
	public CalibrationSession find(long id, String username) {
		Head head = head(id, username, false);
		List<CalibrationSession.SessionCall> calls = this.jdbc.sql("""
				select cc.call_id, c.agent, c.queue, c.started_at from calibration_call cc join call c on c.id = cc.call_id
				where cc.session_id = :s order by cc.seq""")
			.param("s", id)
			.query((rs, n) -> new CalibrationSession.SessionCall(rs.getLong("call_id"), rs.getString("agent"),
					rs.getString("queue"), instant(rs, "started_at")))
			.list();
		List<CalibrationSession.Participant> participants = this.jdbc.sql("""
				select username, submitted_at from calibration_participant where session_id = :s order by username""")
			.param("s", id)
			.query((rs, n) -> new CalibrationSession.Participant(rs.getString("username"), instant(rs, "submitted_at")))
			.list();
		List<CalibrationSession.ItemInfo> items = head.scorecard().scorecard().items().stream()
			.map((item) -> new CalibrationSession.ItemInfo(item.key(), item.label(), item.type().name(), item.max(),
					item.naAllowed(), item.critical()))
			.toList();
		return new CalibrationSession(id, head.title(), head.scorecard().standardId(), head.scorecard().id(),
				head.scorecard().version(), head.owner(), head.createdAt(), head.closedAt(), calls, participants, items,
				answers(id, username), head.submittedAt());
	}

	/** Saves the participant's answers to one call's items; all are checked before any is saved. */
	@Transactional
	public CalibrationSession answer(long id, String username, long callId, List<CalibrationSession.SessionAnswer> answers) {
		Head head = head(id, username, true);
		if (head.closedAt() != null) {
			throw new SessionStateException("The session is closed");
		}
		if (head.submittedAt() != null) {
			throw new SessionStateException("You submitted your answers already");
		}
		require(isSessionCall(id, callId), "Call " + callId + " is not part of this session");
		require(answers != null && !answers.isEmpty(), "No answers given");
		Scorecard scorecard = head.scorecard().scorecard();
		answers.forEach((answer) -> check(scorecard, answer));
		for (CalibrationSession.SessionAnswer answer : answers) {
			this.jdbc.sql("""
					insert into calibration_answer (session_id, call_id, username, item_key, value, na, comment)
					values (:s, :c, :u, :k, :v, :na, :comment)
					on conflict (session_id, call_id, username, item_key)
					do update set value = excluded.value, na = excluded.na, comment = excluded.comment, answered_at = now()""")
				.param("s", id).param("c", callId).param("u", username).param("k", answer.key())
				.param("v", answer.na() ? null : answer.value(), java.sql.Types.DOUBLE)
				.param("na", answer.na())
				.param("comment", answer.comment())
				.update();
		}
		return find(id, username);
	}

	/** Makes the participant's answers final: every item of every call answered (a value or N/A). */
	@Transactional
	public CalibrationSession submit(long id, String username) {
		Head head = head(id, username, true);
		if (head.closedAt() != null) {
			throw new SessionStateException("The session is closed");
		}
		if (head.submittedAt() != null) {
			throw new SessionStateException("You submitted your answers already");
		}
		Set<String> given = new java.util.HashSet<>();
		answers(id, username).forEach((answer) -> given.add(answer.callId() + "/" + answer.key()));
		List<String> missing = new ArrayList<>();
		for (long call : sessionCalls(id)) {
			for (Scorecard.Item item : head.scorecard().scorecard().items()) {
				if (!given.contains(call + "/" + item.key())) {
					missing.add("call " + call + " item '" + item.key() + "'");
				}
			}
		}
		require(missing.isEmpty(), "Not answered yet: " + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
				+ ((missing.size() > 10) ? " and " + (missing.size() - 10) + " more" : ""));
		this.jdbc.sql("update calibration_participant set submitted_at = now() where session_id = :s and username = :u")
			.param("s", id).param("u", username).update();
		return find(id, username);
	}

	/** Only the owner closes; afterwards nobody answers, and every participant reads every saved answer. */
	@Transactional
	public CalibrationSession close(long id, String username) {
		Head head = head(id, username, true);
		requireOwner(head, username, "Only the session's owner closes it");
		if (head.closedAt() == null) {
			this.jdbc.sql("update calibration_session set closed_at = now() where id = :s").param("s", id).update();
		}
		return find(id, username);
	}

	/** The spread, for a participant who submitted their own answers, or anyone of the session once it is closed. */
	@Transactional(readOnly = true)
	public CalibrationSpread spread(long id, String username) {
		Head head = head(id, username, false);
		boolean closed = head.closedAt() != null;
		if (!closed && head.submittedAt() == null) {
			throw new CalibrationRefusedException(
					"Submit your own answers first: the others' are hidden until then or until the session is closed");
		}
		List<String> answeredBy = this.jdbc.sql("""
				select username from calibration_participant where session_id = :s and (submitted_at is not null or :closed)
				order by username""")
			.param("s", id).param("closed", closed).query(String.class).list();
		Map<String, List<CalibrationSpread.ParticipantAnswer>> answers = new HashMap<>();
		this.jdbc.sql("""
				select a.* from calibration_answer a
				join calibration_participant p on p.session_id = a.session_id and p.username = a.username
				where a.session_id = :s and (p.submitted_at is not null or :closed) order by a.username""")
			.param("s", id).param("closed", closed)
			.query((rs, n) -> {
				answers.computeIfAbsent(rs.getLong("call_id") + "/" + rs.getString("item_key"), (k) -> new ArrayList<>())
					.add(new CalibrationSpread.ParticipantAnswer(rs.getString("username"), (Double) rs.getObject("value"),
							rs.getBoolean("na"), rs.getString("comment")));
				return 0;
			})
			.list();
		Map<String, CalibrationSpread.Agreed> agreed = new HashMap<>();
		this.jdbc.sql("select * from calibration_agreed where session_id = :s").param("s", id)
			.query((rs, n) -> agreed.put(rs.getLong("call_id") + "/" + rs.getString("item_key"),
					new CalibrationSpread.Agreed((Double) rs.getObject("value"), rs.getBoolean("na"),
							rs.getString("comment"), rs.getString("decided_by"), instant(rs, "decided_at"))))
			.list();
		List<Scorecard.Item> items = head.scorecard().scorecard().items();
		List<CalibrationSpread.CallSpread> calls = new ArrayList<>();
		Map<String, List<CalibrationSpread.ItemSpread>> byItem = new LinkedHashMap<>();
		for (long call : sessionCalls(id)) {
			List<CalibrationSpread.ItemSpread> lines = new ArrayList<>();
			for (Scorecard.Item item : items) {
				String key = call + "/" + item.key();
				CalibrationSpread.ItemSpread line = itemSpread(item, answers.getOrDefault(key, List.of()),
						agreed.get(key));
				lines.add(line);
				byItem.computeIfAbsent(item.key(), (k) -> new ArrayList<>()).add(line);
			}
			calls.add(new CalibrationSpread.CallSpread(call, lines));
		}
		List<CalibrationSpread.ItemSummary> summaries = new ArrayList<>();
		for (Scorecard.Item item : items) {
			List<CalibrationSpread.ItemSpread> lines = byItem.getOrDefault(item.key(), List.of());
			summaries.add(new CalibrationSpread.ItemSummary(item.key(), item.label(),
					lines.stream().mapToInt((line) -> line.answers().size()).sum(),
					mean(lines.stream().map(CalibrationSpread.ItemSpread::agreement).toList()),
					mean(lines.stream().map(CalibrationSpread.ItemSpread::standardDeviation).toList()),
					(int) lines.stream().filter((line) -> line.agreed() != null).count()));
		}
		return new CalibrationSpread(id, closed, answeredBy, calls, summaries);
	}

	/** The owner records the agreed answer of one call's item, once they submitted their own or the session closed. */
	@Transactional
	public CalibrationSpread agree(long id, String username, long callId, CalibrationSession.SessionAnswer answer) {
		Head head = head(id, username, true);
		requireOwner(head, username, "Only the session's owner records the agreed answers");
		if (head.closedAt() == null && head.submittedAt() == null) {
			throw new SessionStateException("Submit your own answers before recording the agreed ones");
		}
		require(isSessionCall(id, callId), "Call " + callId + " is not part of this session");
		check(head.scorecard().scorecard(), answer);
		this.jdbc.sql("""
				insert into calibration_agreed (session_id, call_id, item_key, value, na, comment, decided_by)
				values (:s, :c, :k, :v, :na, :comment, :u)
				on conflict (session_id, call_id, item_key) do update set value = excluded.value, na = excluded.na,
				    comment = excluded.comment, decided_by = excluded.decided_by, decided_at = now()""")
			.param("s", id).param("c", callId).param("k", answer.key())
			.param("v", answer.na() ? null : answer.value(), java.sql.Types.DOUBLE)
			.param("na", answer.na()).param("comment", answer.comment()).param("u", username)
			.update();
		return spread(id, username);
	}

	static CalibrationSpread.ItemSpread itemSpread(Scorecard.Item item,
			List<CalibrationSpread.ParticipantAnswer> answers, CalibrationSpread.@Nullable Agreed agreed) {
		Map<String, Integer> counts = new HashMap<>();
		List<Double> values = new ArrayList<>();
		for (CalibrationSpread.ParticipantAnswer answer : answers) {
			counts.merge(answerText(answer.value(), answer.na()), 1, Integer::sum);
			if (!answer.na() && answer.value() != null) {
				values.add(answer.value());
			}
		}
		String common = counts.entrySet().stream()
			.max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.map(Map.Entry::getKey)
			.orElse(null);
		Double agreement = (common != null) ? AutomaticCalibration.share(counts.get(common), answers.size()) : null;
		Double mean = null;
		Double deviation = null;
		if (!values.isEmpty()) {
			double sum = 0;
			for (double value : values) {
				sum += value;
			}
			double average = sum / values.size();
			double squares = 0;
			for (double value : values) {
				squares += (value - average) * (value - average);
			}
			mean = AutomaticCalibration.round(average);
			deviation = AutomaticCalibration.round(Math.sqrt(squares / values.size()));
		}
		return new CalibrationSpread.ItemSpread(item.key(), item.label(), answers, agreement, common, mean, deviation,
				agreed);
	}

	private static String answerText(@Nullable Double value, boolean na) {
		if (na || value == null) {
			return "NA";
		}
		return (value == Math.rint(value)) ? String.valueOf(value.longValue()) : String.valueOf(value);
	}

	private static @Nullable Double mean(List<@Nullable Double> values) {
		List<Double> present = values.stream().filter(java.util.Objects::nonNull).map(Double.class::cast).toList();
		return present.isEmpty() ? null
				: AutomaticCalibration.round(present.stream().mapToDouble(Double::doubleValue).average().orElse(0));
	}

	private static void check(Scorecard scorecard, CalibrationSession.SessionAnswer answer) {
		require(answer.key() != null, "An answer needs an item key");
		Scorecard.Item item = scorecard.item(answer.key())
			.orElseThrow(() -> new IllegalArgumentException("Unknown item '" + answer.key() + "'"));
		require(answer.comment() == null || answer.comment().length() <= MAX_COMMENT,
				"Comment of item '" + item.key() + "' is longer than " + MAX_COMMENT + " characters");
		if (answer.na()) {
			require(item.naAllowed(), "Item '" + item.key() + "' cannot be N/A");
			require(answer.value() == null, "Item '" + item.key() + "' is N/A and cannot have a value as well");
			return;
		}
		Double value = answer.value();
		require(value != null && value >= 0 && value <= item.max() && value == Math.rint(value),
				"Item '" + item.key() + "' takes " + ((item.type() == Scorecard.ItemType.YES_NO) ? "1 (yes) or 0 (no)"
						: "whole points from 0 to " + item.max()) + ", or N/A where allowed");
	}

	private List<CalibrationSession.SessionAnswer> answers(long id, String username) {
		return this.jdbc.sql("""
				select a.* from calibration_answer a join calibration_call c
				  on c.session_id = a.session_id and c.call_id = a.call_id
				where a.session_id = :s and a.username = :u order by c.seq, a.item_key""")
			.param("s", id).param("u", username)
			.query((rs, n) -> new CalibrationSession.SessionAnswer(rs.getLong("call_id"), rs.getString("item_key"),
					(Double) rs.getObject("value"), rs.getBoolean("na"), rs.getString("comment")))
			.list();
	}

	private List<Long> sessionCalls(long id) {
		return this.jdbc.sql("select call_id from calibration_call where session_id = :s order by seq")
			.param("s", id).query(Long.class).list();
	}

	private boolean isSessionCall(long id, long callId) {
		return this.jdbc.sql("select count(*) from calibration_call where session_id = :s and call_id = :c")
			.param("s", id).param("c", callId).query(Long.class).single() > 0;
	}

	/** The session as seen by one participant; 404 for anyone else. Locked when about to change it. */
	private Head head(long id, String username, boolean lock) {
		Optional<Head> head = this.jdbc.sql("""
				select s.title, s.owner, s.created_at, s.closed_at, s.scorecard_version_id, p.submitted_at
				from calibration_session s
				join calibration_participant p on p.session_id = s.id and p.username = :u
				where s.id = :s""" + (lock ? " for update of s, p" : ""))
			.param("s", id).param("u", username)
			.query((rs, n) -> new Head(rs.getString("title"), rs.getString("owner"), instant(rs, "created_at"),
					instant(rs, "closed_at"), rs.getLong("scorecard_version_id"), instant(rs, "submitted_at"), null))
			.optional();
		Head found = head.orElseThrow(() -> new SessionNotFoundException(id));
		return found.with(this.standards.version(found.versionId()));
	}

	private static void requireOwner(Head head, String username, String message) {
		if (!head.owner().equals(username)) {
			throw new CalibrationRefusedException(message);
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	private record Head(String title, String owner, Instant createdAt, @Nullable Instant closedAt, long versionId,
			@Nullable Instant submittedAt, @Nullable ScorecardVersion version) {

		Head with(ScorecardVersion version) {
			return new Head(this.title, this.owner, this.createdAt, this.closedAt, this.versionId, this.submittedAt,
					version);
		}

		ScorecardVersion scorecard() {
			return java.util.Objects.requireNonNull(this.version);
		}

	}

}
