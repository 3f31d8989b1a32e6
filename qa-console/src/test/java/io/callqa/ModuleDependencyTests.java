package io.callqa;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The modules' dependency direction: qa-console → transcription → telephony → db, never back; the simulator stands
 * apart, used only by demo mode (and tests).
 */
class ModuleDependencyTests {

	// Main code only: the test jars on this classpath (transcription's tests use the simulator's conversations) too.
	static final JavaClasses classes = new ClassFileImporter().withImportOption(ModuleStructureTests.MAIN_CODE_ONLY)
		.importPackages("io.callqa");

	@Test
	void telephonyShouldDependOnNoOtherModule() {
		noClasses().that().resideInAPackage("io.callqa.telephony..")
			.should().dependOnClassesThat().resideInAnyPackage("io.callqa.transcription..", "io.callqa.qaconsole..")
			.check(classes);
	}

	@Test
	void transcriptionShouldNotDependOnTheConsole() {
		noClasses().that().resideInAPackage("io.callqa.transcription..")
			.should().dependOnClassesThat().resideInAPackage("io.callqa.qaconsole..")
			.check(classes);
	}

	@Test
	void dbShouldDependOnNoModule() {
		noClasses().that().resideInAPackage("io.callqa.db..")
			.should().dependOnClassesThat().resideInAnyPackage("io.callqa.telephony..", "io.callqa.transcription..",
					"io.callqa.qaconsole..")
			.check(classes);
	}

	@Test
	void theSimulatorShouldDependOnNoModule() {
		// It imitates Asterisk, so it knows nothing of the connector it talks to.
		noClasses().that().resideInAPackage("io.callqa.simulator..")
			.should().dependOnClassesThat().resideInAnyPackage("io.callqa.db..", "io.callqa.telephony..",
					"io.callqa.transcription..", "io.callqa.qaconsole..")
			.check(classes);
	}

	@Test
	void onlyDemoModeShouldUseTheSimulator() {
		noClasses().that().resideOutsideOfPackages("io.callqa.simulator..", "io.callqa.qaconsole.demo..")
			.should().dependOnClassesThat().resideInAPackage("io.callqa.simulator..")
			.check(classes);
	}

	@Test
	void modulesShouldBeFreeOfCycles() {
		slices().matching("io.callqa.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void featuresInsideTheConsoleAndTelephonyShouldBeFreeOfCycles() {
		slices().matching("io.callqa.qaconsole.(*)..").should().beFreeOfCycles().check(classes);
		slices().matching("io.callqa.telephony.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void speechRecognitionShouldNotNeedSpring() {
		// The command line transcriber ships these packages without Spring.
		noClasses().that().resideInAnyPackage("io.callqa.transcription.speech..", "io.callqa.transcription.audio..",
				"io.callqa.transcription.cli..")
			.should().dependOnClassesThat().resideInAPackage("org.springframework..")
			.check(classes);
	}

}
