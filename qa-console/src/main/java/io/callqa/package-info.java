/**
 * The application: every module lives below this package so one component scan and one architecture test see them
 * all.
 */
@NullMarked
package io.callqa;

import org.jspecify.annotations.NullMarked;
