/**
 * A test-scope fake Asterisk that drives a FastAGI server over a socket, modelled on traffic captured from Asterisk 22.
 */
@NullMarked
package io.callqa.telephony.agi;

import org.jspecify.annotations.NullMarked;
