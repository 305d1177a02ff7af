/** What Asterisk's MixMonitor leaves behind for a call: the mixed file and the two directions. */
package org.callcentre.recording.capture;
