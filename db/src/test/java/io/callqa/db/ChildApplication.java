package io.callqa.db;

import java.util.List;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application a child JVM runs for the tests that signal or kill a process using the embedded database: on start
 * (with {@code --child.store-calls=true}) it stores three calls and prints {@value #READY}; while its context closes it
 * still uses the database (as a worker handing its job back would), storing one more call.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ChildApplication {

	static final String READY = "CHILD READY";

	static final String STOPPED_CLEANLY = "CHILD STOPPED CLEANLY";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ChildApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

	@Bean
	UsesTheDatabaseUntilClosed usesTheDatabaseUntilClosed(JdbcClient jdbc, Environment environment) {
		return new UsesTheDatabaseUntilClosed(jdbc, environment.getProperty("child.store-calls", Boolean.class, false));
	}

	static class UsesTheDatabaseUntilClosed implements DisposableBean {

		private final JdbcClient jdbc;

		private final boolean storeCalls;

		UsesTheDatabaseUntilClosed(JdbcClient jdbc, boolean storeCalls) {
			this.jdbc = jdbc;
			this.storeCalls = storeCalls;
		}

		@EventListener(ApplicationReadyEvent.class)
		void storeCalls() {
			if (!this.storeCalls) {
				return;
			}
			for (int i = 0; i < 3; i++) {
				this.jdbc.sql("insert into call (started_at) values (now())").update();
			}
			System.out.println(READY + " pid " + ProcessHandle.current().pid());
		}

		@Override
		public void destroy() {
			// Half a second of work after the signal: a database stopped in parallel with the context cuts it off.
			List<String> slept = this.jdbc.sql("select pg_sleep(0.5)::text").query(String.class).list();
			this.jdbc.sql("insert into call (started_at) values (now())").update();
			System.out.println(STOPPED_CLEANLY + " " + slept.size());
		}

	}

}
