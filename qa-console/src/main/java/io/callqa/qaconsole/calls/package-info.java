/**
 * Calls over HTTP: uploading recordings, a call's status and transcript, and its audio.
 */
@NullMarked
package io.callqa.qaconsole.calls;

import org.jspecify.annotations.NullMarked;
