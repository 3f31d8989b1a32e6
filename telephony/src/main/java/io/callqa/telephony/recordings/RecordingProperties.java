package io.callqa.telephony.recordings;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where recordings are kept.
 *
 * @param dir the directory uploaded recordings are stored under (one sub-directory per day)
 */
@ConfigurationProperties("callqa.telephony.recordings")
record RecordingProperties(@DefaultValue("data/recordings") Path dir) {
}
