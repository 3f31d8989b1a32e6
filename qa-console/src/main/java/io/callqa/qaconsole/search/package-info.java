/**
 * Transcript search over HTTP.
 */
@NullMarked
package io.callqa.qaconsole.search;

import org.jspecify.annotations.NullMarked;
