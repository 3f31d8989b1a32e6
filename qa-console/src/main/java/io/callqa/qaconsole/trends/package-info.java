/**
 * Categories (saved searches every call is tagged with), re-tagging, the trends page and "what customers ask".
 */
@NullMarked
package io.callqa.qaconsole.trends;

import org.jspecify.annotations.NullMarked;
