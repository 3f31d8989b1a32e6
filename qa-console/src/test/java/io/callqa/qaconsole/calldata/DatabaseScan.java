package io.callqa.qaconsole.calldata;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks through every table of the database, as information_schema lists them (so a table added later is covered
 * too): rows whose text mentions a phone number, rows whose call column names one of some calls.
 */
public final class DatabaseScan {

	private final JdbcClient jdbc;

	public DatabaseScan(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@code table.column} → rows whose text (any text, varchar, json or array column, as text) holds the number's
	 * digits, in order, with at most phone separators (space, dash, dot, parentheses, plus) between them.
	 */
	public Map<String, Long> rowsMentioning(String number) {
		String digits = number.replaceAll("[^0-9]", "");
		String pattern = digits.chars().mapToObj(Character::toString).collect(Collectors.joining("[-+ .()]*"));
		Map<String, Long> found = new TreeMap<>();
		for (Column column : columns("""
				data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')""")) {
			long rows = this.jdbc.sql("select count(*) from " + column.table() + " where cast(" + column.quoted()
					+ " as text) ~ :pattern")
				.param("pattern", pattern)
				.query(Long.class)
				.single();
			if (rows > 0) {
				found.put(column.toString(), rows);
			}
		}
		return found;
	}

	/**
	 * {@code table.column} → rows naming one of these calls: {@code call.id} and every bigint column named
	 * {@code call_id} or ending in {@code _call_id} (but {@code last_call_id}, a progress marker).
	 */
	public Map<String, Long> rowsOfCalls(Collection<Long> callIds) {
		Map<String, Long> found = new TreeMap<>();
		List<Column> columns = columns("""
				data_type = 'bigint' and ((table_name = 'call' and column_name = 'id')
				  or ((column_name = 'call_id' or column_name like '%\\_call\\_id') and column_name <> 'last_call_id'))""");
		for (Column column : columns) {
			long rows = this.jdbc.sql("select count(*) from " + column.table() + " where " + column.quoted()
					+ " = any(:ids)")
				.param("ids", callIds.toArray(Long[]::new))
				.query(Long.class)
				.single();
			if (rows > 0) {
				found.put(column.toString(), rows);
			}
		}
		return found;
	}

	/** The tables with a call column (as {@link #rowsOfCalls} finds them): what a new feature must be checked for. */
	public List<String> callColumns() {
		return columns("""
				data_type = 'bigint' and (column_name = 'call_id' or column_name like '%\\_call\\_id')
				and column_name <> 'last_call_id'""").stream().map(Column::toString).toList();
	}

	private List<Column> columns(String where) {
		return this.jdbc.sql("""
				select table_schema, table_name, column_name from information_schema.columns
				where table_schema = current_schema() and %s
				  and table_name in (select table_name from information_schema.tables
				                     where table_schema = current_schema() and table_type = 'BASE TABLE')
				order by table_name, column_name""".formatted(where))
			.query((rs, row) -> new Column(rs.getString("table_name"), rs.getString("column_name")))
			.list();
	}

	private record Column(String table, String name) {

		String quoted() {
			return "\"" + this.name + "\"";
		}

		@Override
		public String toString() {
			return this.table + "." + this.name;
		}

	}

}
