/**
 * Browser tests: the console's pages in real headless Chromium against the app on a random port.
 */
@NullMarked
package io.callqa.qaconsole.browser;

import org.jspecify.annotations.NullMarked;
