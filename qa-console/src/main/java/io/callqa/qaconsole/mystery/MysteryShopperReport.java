package io.callqa.qaconsole.mystery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test calls reported apart: per call its current automatic result (score, passed, failed items) and per agent the
 * calls, the average and the pass share, for the calls started in a period.
 */
@Service
class MysteryShopperReport {

	static final Duration MAX_PERIOD = Duration.ofDays(366);

	private final MysteryShopperRepository repository;

	MysteryShopperReport(MysteryShopperRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	Report of(Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("'from' must be before 'to'");
		}
		if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
			throw new IllegalArgumentException("The report covers at most 366 days");
		}
		List<MysteryShopperRepository.ReportCall> calls = this.repository.reportCalls(from, to);
		Map<String, List<MysteryShopperRepository.ReportCall>> byAgent = new TreeMap<>();
		for (MysteryShopperRepository.ReportCall call : calls) {
			if (call.agent() != null) {
				byAgent.computeIfAbsent(call.agent(), (agent) -> new ArrayList<>()).add(call);
			}
		}
		List<AgentLine> agents = new ArrayList<>();
		byAgent.forEach((agent, theirs) -> agents.add(AgentLine.of(agent, theirs)));
		MysteryShopperRepository.Setting setting = this.repository.setting();
		return new Report(from, to, setting.standardId(), setting.standardName(), agents, calls);
	}

	/**
	 * @param standardId the standard that scores test calls now (null: each call's queue standard)
	 */
	record Report(Instant from, Instant to, @Nullable Long standardId, @Nullable String standardName,
			List<AgentLine> agents, List<MysteryShopperRepository.ReportCall> calls) {
	}

	/**
	 * An agent's test calls: {@code calls} all of them, {@code scored} those with an automatic score, {@code average}
	 * its mean (null when none), {@code passed} how many passed, {@code passShare} passed / scored.
	 */
	record AgentLine(String agent, int calls, int scored, @Nullable Double average, int passed,
			@Nullable Double passShare, int criticalFailed) {

		static AgentLine of(String agent, List<MysteryShopperRepository.ReportCall> calls) {
			int scored = 0;
			int passed = 0;
			int critical = 0;
			double sum = 0;
			for (MysteryShopperRepository.ReportCall call : calls) {
				if (call.score() != null) {
					scored++;
					sum += call.score();
					passed += Boolean.TRUE.equals(call.passed()) ? 1 : 0;
				}
				critical += Boolean.TRUE.equals(call.criticalFailed()) ? 1 : 0;
			}
			return new AgentLine(agent, calls.size(), scored, (scored > 0) ? round(sum / scored) : null, passed,
					(scored > 0) ? round((double) passed / scored) : null, critical);
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

}
