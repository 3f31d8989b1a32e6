package io.callqa.qaconsole.mystery;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallRows;

/**
 * Which calls are mystery-shopper test calls: the marks hold nothing of a customer and stay on erasure (the statistics
 * leave test calls out); retention deletes them. A number erased on request leaves the shoppers' list.
 */
@Component
class MysteryShopperCallRows implements CallRows {

	private final JdbcClient jdbc;

	MysteryShopperCallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Written> writtenAbout(Collection<Long> callIds) {
		return List.of();
	}

	@Override
	public int erase(Collection<Long> callIds) {
		return 0;
	}

	@Override
	public int delete(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		int marks = this.jdbc.sql("delete from mystery_shopper_call where call_id = any(:ids)").param("ids", ids).update();
		return marks + this.jdbc.sql("delete from mystery_shopper_unmarked where call_id = any(:ids)")
			.param("ids", ids)
			.update();
	}

	@Override
	public int eraseNumber(String digits) {
		return this.jdbc.sql("delete from mystery_shopper_number where regexp_replace(number, '[^0-9]', '', 'g') = :digits")
			.param("digits", digits)
			.update();
	}

}
