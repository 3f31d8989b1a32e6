package io.callqa.telephony.asteriskconf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files one {@code MixMonitor(file,options)} step writes: key 'm' the mixed file, 'r' and 't' per party. */
public final class RecordingNames {

	private static final Pattern OPTION = Pattern.compile("([rt])\\(([^)]*)\\)");

	private RecordingNames() {
	}

	public static Map<Character, String> files(Dialplan.Step mixMonitor) {
		List<String> arguments = mixMonitor.arguments();
		Map<Character, String> files = new LinkedHashMap<>();
		if (!arguments.get(0).isEmpty()) {
			files.put('m', arguments.get(0));
		}
		if (arguments.size() > 1) {
			Matcher matcher = OPTION.matcher(arguments.get(1));
			while (matcher.find()) {
				files.put(matcher.group(1).charAt(0), matcher.group(2));
			}
		}
		return files;
	}

}
