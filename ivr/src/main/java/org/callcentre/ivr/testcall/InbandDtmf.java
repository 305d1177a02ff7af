package org.callcentre.ivr.testcall;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keys as in-band DTMF for Asterisk's PlayTones: each key its two frequencies (ITU-T Q.23) for
 * 150 ms, then 100 ms of silence. PlayTones repeats the list until stopped.
 */
final class InbandDtmf {

    private static final Map<Character, String> FREQUENCIES = Map.ofEntries(
            Map.entry('1', "697+1209"), Map.entry('2', "697+1336"), Map.entry('3', "697+1477"),
            Map.entry('4', "770+1209"), Map.entry('5', "770+1336"), Map.entry('6', "770+1477"),
            Map.entry('7', "852+1209"), Map.entry('8', "852+1336"), Map.entry('9', "852+1477"),
            Map.entry('*', "941+1209"), Map.entry('0', "941+1336"), Map.entry('#', "941+1477"));

    private InbandDtmf() {
    }

    static String toneList(String keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys to play");
        }
        return keys.chars().mapToObj(c -> {
            String tone = FREQUENCIES.get((char) c);
            if (tone == null) {
                throw new IllegalArgumentException("'" + (char) c + "' is not a DTMF key");
            }
            return tone + "/150,0/100";
        }).collect(Collectors.joining(","));
    }
}
