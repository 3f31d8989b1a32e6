/**
 * Benchmarks of the telephony module: they print figures and assert nothing.
 */
@NullMarked
package io.callqa.telephony.bench;

import org.jspecify.annotations.NullMarked;
