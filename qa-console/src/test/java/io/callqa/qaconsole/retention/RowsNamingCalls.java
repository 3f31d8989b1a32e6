package io.callqa.qaconsole.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of the database that names a call: {@code call.id} and every column of every table named {@code call_id}
 * or ending in {@code _call_id}, found in {@code information_schema}, so a table added later is checked without
 * changing this. Columns starting with {@code last_} are positions of a sweep (the last call looked at), not rows
 * about a call, and are left out.
 */
final class RowsNamingCalls {

	private final JdbcClient jdbc;

	private final List<String[]> columns;

	RowsNamingCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.columns = new ArrayList<>(jdbc.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = current_schema() and data_type = 'bigint'
				  and (column_name = 'call_id' or column_name like '%\\_call\\_id' escape '\\')
				  and column_name not like 'last\\_%' escape '\\'
				order by table_name, column_name""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list());
		this.columns.add(new String[] { "call", "id" });
	}

	/** The tables and columns checked, as {@code table.column}. */
	List<String> columns() {
		return this.columns.stream().map((c) -> c[0] + "." + c[1]).toList();
	}

	/** The rows naming this call, by {@code table.column}; empty when none does. */
	Map<String, Integer> of(long callId) {
		Map<String, Integer> found = new LinkedHashMap<>();
		for (String[] column : this.columns) {
			int rows = this.jdbc.sql("select count(*) from \"" + column[0] + "\" where \"" + column[1] + "\" = :id")
				.param("id", callId)
				.query(Integer.class)
				.single();
			if (rows > 0) {
				found.put(column[0] + "." + column[1], rows);
			}
		}
		return found;
	}

}
