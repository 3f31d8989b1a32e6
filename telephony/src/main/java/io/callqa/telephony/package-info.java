/**
 * Telephony: where calls and their recordings come from. Depends on nothing but the database.
 */
@NullMarked
package io.callqa.telephony;

import org.jspecify.annotations.NullMarked;
