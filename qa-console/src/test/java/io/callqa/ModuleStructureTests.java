package io.callqa;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each module's root package is its front door: another module uses only the types there, never a module's
 * sub-packages, and no two modules depend on each other. The dependency direction itself is
 * {@link ModuleDependencyTests}'s.
 */
class ModuleStructureTests {

	// Test classes come from the test jars too (qa-console's tests use transcription's), not only test-classes/.
	private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

	static final ImportOption MAIN_CODE_ONLY = (Location location) -> !location.contains("/test-classes/")
			&& !location.matches(TEST_JAR);

	@Test
	void modulesShouldUseEachOtherOnlyThroughTheirRootPackages() {
		ApplicationModules.of(CallQaApplication.class, MAIN_CODE_ONLY).verify();
	}

}
