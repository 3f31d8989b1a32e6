package io.callqa.qaconsole.bench;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;

/**
 * {@link HangUpToSearchableBenchmark} with automatic scoring off: the difference between the two is what scoring
 * adds to hang-up → searchable (the issue allows 10 %).
 */
@Tag("bench")
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "callqa.autoscore.enabled=false")
@ActiveProfiles("test")
class HangUpToSearchableWithoutScoringBenchmark extends HangUpToSearchableBenchmark {

}
