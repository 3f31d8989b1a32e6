/**
 * The FastAGI server: Asterisk-Java's {@code DefaultAgiServer} run as a Spring lifecycle bean, serving every
 * {@link org.asteriskjava.fastagi.AgiScript} bean under its bean name (e.g. {@code agi://host:4573/survey}).
 */
@NullMarked
package io.callqa.telephony.agi;

import org.jspecify.annotations.NullMarked;
