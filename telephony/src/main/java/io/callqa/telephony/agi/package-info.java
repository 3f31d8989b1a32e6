/**
 * The FastAGI server: Asterisk-Java's {@code DefaultAgiServer} run as a Spring lifecycle bean, serving every
 * {@link io.callqa.telephony.agi.FastAgiScript} bean under its bean name (e.g. {@code agi://host:4573/survey}).
 * Scripts see a call through our own {@link io.callqa.telephony.agi.AgiCall}, never the library's types.
 */
@NullMarked
package io.callqa.telephony.agi;

import org.jspecify.annotations.NullMarked;
