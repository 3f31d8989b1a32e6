package io.callqa.qaconsole.calibration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.callqa.qaconsole.scoring.Scorecard;
import io.callqa.qaconsole.scoring.ScorecardVersion;
import io.callqa.qaconsole.scoring.Standards;

/**
 * Automatic vs human: pairs each call's current automatic evaluation with every submitted human evaluation of the
 * same scorecard version (drafts and superseded revisions left out) and compares them item by item. An item agrees
 * when the automatic PASS/FAIL equals the human answer: yes (1) or full points is a pass, no (0) or fewer points a
 * fail. The automatic value is the engine's, before any review: it is the rule that is being calibrated.
 */
@Service
class AutomaticCalibration {

	private final JdbcClient jdbc;

	private final Standards standards;

	AutomaticCalibration(JdbcClient jdbc, Standards standards) {
		this.jdbc = jdbc;
		this.standards = standards;
	}

	/** The standard's calls started in [from, to) (either bound optional); the default standard when none given. */
	@Transactional(readOnly = true)
	public AutomaticAgreement agreement(@Nullable Long standardId, @Nullable Instant from, @Nullable Instant to) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new IllegalArgumentException("'from' must be before 'to'");
		}
		long standard = (standardId != null) ? this.standards.current(standardId).standardId()
				: this.standards.forQueue(null).standardId();
		List<Row> rows = this.jdbc.sql("""
				select ae.scorecard_version_id, sv.version, ae.call_id, ae.score as automatic_score,
				       e.id as human_id, e.score as human_score, ai.item_key, ai.label, ai.outcome, ei.value, ei.na
				from automatic_evaluation ae
				join scorecard_version sv on sv.id = ae.scorecard_version_id
				join call c on c.id = ae.call_id
				join evaluation e on e.call_id = ae.call_id and e.scorecard_version_id = ae.scorecard_version_id
				     and e.state in ('SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED')
				join automatic_evaluation_item ai on ai.evaluation_id = ae.id
				left join evaluation_item ei on ei.evaluation_id = e.id and ei.item_key = ai.item_key
				where ae.current and sv.standard_id = :standard
				  and (cast(:from as timestamptz) is null or c.started_at >= :from)
				  and (cast(:to as timestamptz) is null or c.started_at < :to)
				order by sv.version desc, ae.call_id, e.id, ai.seq""")
			.param("standard", standard)
			.param("from", (from != null) ? from.atOffset(ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("to", (to != null) ? to.atOffset(ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.query((rs, n) -> new Row(rs.getLong("scorecard_version_id"), rs.getInt("version"), rs.getLong("call_id"),
					(Double) rs.getObject("automatic_score"), rs.getLong("human_id"), (Double) rs.getObject("human_score"),
					rs.getString("item_key"), rs.getString("label"), rs.getString("outcome"),
					(Double) rs.getObject("value"), rs.getBoolean("na")))
			.list();
		Map<Long, List<Row>> byVersion = new LinkedHashMap<>();
		rows.forEach((row) -> byVersion.computeIfAbsent(row.versionId(), (id) -> new ArrayList<>()).add(row));
		List<AutomaticAgreement.Version> versions = new ArrayList<>();
		byVersion.forEach((versionId, versionRows) -> versions.add(version(this.standards.version(versionId),
				versionRows)));
		return new AutomaticAgreement(standard, from, to, versions);
	}

	private static AutomaticAgreement.Version version(ScorecardVersion version, List<Row> rows) {
		Set<Long> calls = new HashSet<>();
		Map<Long, Row> pairs = new LinkedHashMap<>();
		Map<String, Tally> items = new LinkedHashMap<>();
		for (Row row : rows) {
			calls.add(row.callId());
			pairs.putIfAbsent(row.humanId(), row);
			Tally tally = items.computeIfAbsent(row.itemKey(), (key) -> new Tally(row.label()));
			// A human answer missing for the item (a submission always has one, but the item may be newer): as N/A.
			if ("NA".equals(row.outcome()) || row.na() || row.value() == null) {
				tally.naPairs++;
				continue;
			}
			boolean automaticPass = "PASS".equals(row.outcome());
			boolean humanPass = row.value() >= max(version.scorecard(), row.itemKey());
			tally.compared++;
			if (automaticPass == humanPass) {
				tally.agreed++;
			}
			else if (automaticPass) {
				tally.automaticPassHumanFail++;
			}
			else {
				tally.automaticFailHumanPass++;
			}
		}
		int scored = 0;
		double difference = 0;
		double absolute = 0;
		for (Row pair : pairs.values()) {
			if (pair.automaticScore() != null && pair.humanScore() != null) {
				scored++;
				difference += pair.automaticScore() - pair.humanScore();
				absolute += Math.abs(pair.automaticScore() - pair.humanScore());
			}
		}
		List<AutomaticAgreement.Item> itemLines = new ArrayList<>();
		int compared = 0;
		int agreed = 0;
		for (Map.Entry<String, Tally> entry : items.entrySet()) {
			Tally tally = entry.getValue();
			compared += tally.compared;
			agreed += tally.agreed;
			itemLines.add(new AutomaticAgreement.Item(entry.getKey(), tally.label, tally.compared, tally.agreed,
					share(tally.agreed, tally.compared), tally.naPairs, tally.automaticPassHumanFail,
					tally.automaticFailHumanPass));
		}
		return new AutomaticAgreement.Version(version.id(), version.version(), calls.size(), pairs.size(), compared,
				agreed, share(agreed, compared), (scored > 0) ? round(difference / scored) : null,
				(scored > 0) ? round(absolute / scored) : null, itemLines);
	}

	private static int max(Scorecard scorecard, String key) {
		return scorecard.item(key).map(Scorecard.Item::max).orElse(1);
	}

	static @Nullable Double share(int part, int whole) {
		return (whole == 0) ? null : round((double) part / whole);
	}

	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	private record Row(long versionId, int version, long callId, @Nullable Double automaticScore, long humanId,
			@Nullable Double humanScore, String itemKey, String label, String outcome, @Nullable Double value,
			boolean na) {
	}

	private static final class Tally {

		final String label;

		int compared;

		int agreed;

		int naPairs;

		int automaticPassHumanFail;

		int automaticFailHumanPass;

		Tally(String label) {
			this.label = label;
		}

	}

}
