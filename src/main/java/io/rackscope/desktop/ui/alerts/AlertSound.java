package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Synthesised alert tones: a soft two-note ping for WARN, an alternating 880/440 Hz siren for CRIT.
 * Only for new alerts, CRIT wins over WARN, at most one sound per cool-down, with a volume and a
 * mute. Plays off the FX thread; a machine without a sound device stays silent and says so once in
 * the log.
 */
public final class AlertSound {
    private static final Logger LOG = Logger.getLogger(AlertSound.class.getName());
    private static final float RATE = 22_050;
    private final ExecutorService player =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "alert-sound");
                        t.setDaemon(true);
                        return t;
                    });
    private final Clock clock;
    private final Duration coolDown;
    private volatile double volume = 0.6;
    private volatile boolean muted;
    private volatile When when = When.ALWAYS;
    private volatile BooleanSupplier windowFocused = () -> true;
    private Instant last = Instant.EPOCH;
    private boolean warnedNoDevice;

    public AlertSound(Clock clock, Duration coolDown) {
        this.clock = clock;
        this.coolDown = coolDown;
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    /**
     * When to sound: always, only while the window is in the background, or only while it is in
     * front.
     */
    public enum When {
        ALWAYS,
        ONLY_WHEN_HIDDEN,
        ONLY_WHEN_VISIBLE
    }

    public void setWhen(When when, BooleanSupplier windowFocused) {
        this.when = when;
        this.windowFocused = windowFocused;
    }

    public void setVolume(double volume) {
        this.volume = Math.max(0, Math.min(1, volume));
    }

    /**
     * Plays the tone for the worst of {@code severities} unless muted or cooling down; returns what
     * it played.
     */
    public synchronized Severity announce(Severity worst) {
        Instant now = clock.instant();
        boolean front = windowFocused.getAsBoolean();
        boolean wanted =
                when == When.ALWAYS
                        || when == When.ONLY_WHEN_HIDDEN && !front
                        || when == When.ONLY_WHEN_VISIBLE && front;
        if (muted
                || !wanted
                || worst.compareTo(Severity.WARN) < 0
                || Duration.between(last, now).compareTo(coolDown) < 0) {
            return null;
        }
        last = now;
        play(worst);
        return worst;
    }

    /** Whether this machine has a line to play the tones on (the toolbar says so when not). */
    public static boolean deviceAvailable() {
        try {
            return AudioSystem.isLineSupported(
                    new DataLine.Info(
                            SourceDataLine.class, new AudioFormat(RATE, 16, 1, true, false)));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Plays a severity's tone now, cool-down and mute aside (the menu's test entries). */
    public void play(Severity severity) {
        byte[] pcm =
                severity == Severity.CRIT
                        ? tones(new double[] {880, 440, 880, 440}, 0.16)
                        : tones(new double[] {660, 990}, 0.12);
        player.execute(() -> play(pcm));
    }

    private byte[] tones(double[] freqs, double seconds) {
        int per = (int) (RATE * seconds);
        byte[] out = new byte[per * freqs.length * 2];
        int i = 0;
        for (double f : freqs) {
            for (int n = 0; n < per; n++) {
                double env =
                        Math.min(1, n / (RATE * 0.01)) * Math.min(1, (per - n) / (RATE * 0.02));
                short s =
                        (short)
                                (Math.sin(2 * Math.PI * f * n / RATE)
                                        * env
                                        * volume
                                        * 0.5
                                        * Short.MAX_VALUE);
                out[i++] = (byte) s;
                out[i++] = (byte) (s >> 8);
            }
        }
        return out;
    }

    private void play(byte[] pcm) {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            synchronized (this) {
                if (!warnedNoDevice) {
                    warnedNoDevice = true;
                    LOG.info("no sound device; alert sounds are off: " + e.getMessage());
                }
            }
        }
    }

    public void close() {
        player.shutdownNow();
    }
}
